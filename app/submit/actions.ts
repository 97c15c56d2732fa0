"use server";

import type { SubmitFormState } from "@/components/submit/types";
import { CommitmentInputSchema } from "@/lib/records/commitment";
import { CompanyInputSchema } from "@/lib/records/company";
import { FacilityInputSchema } from "@/lib/records/facility";
import { PartnershipInputSchema } from "@/lib/records/partnership";
import { ProgressInputSchema } from "@/lib/records/progress-update";
import { submitProposal } from "./submit-proposal";

// One action per form, each validating with its record type's schema. A hidden "resubmit" field
// turns a new proposal into the answer to a reviewer's request for changes.

export async function submitCommitmentAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  return submitProposal("commitment", CommitmentInputSchema, formData);
}

export async function submitProgressAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  return submitProposal("progress_update", ProgressInputSchema, formData);
}

export async function submitCompanyAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  return submitProposal("company", CompanyInputSchema, formData);
}

export async function submitFacilityAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  return submitProposal("facility", FacilityInputSchema, formData);
}

export async function submitPartnershipAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  return submitProposal("partnership", PartnershipInputSchema, formData);
}
