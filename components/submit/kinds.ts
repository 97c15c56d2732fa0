import type { RecordType } from "@/lib/domain/vocabulary";

// The five kinds of record a contributor can propose, each with its form's address.

export type SubmitKind = { recordType: RecordType; slug: string; name: string; description: string };

export const SUBMIT_KINDS: readonly SubmitKind[] = [
  {
    recordType: "commitment",
    slug: "commitment",
    name: "A commitment",
    description: "A company’s public target to manufacture or source in India, with its deadline.",
  },
  {
    recordType: "progress_update",
    slug: "progress",
    name: "A progress update",
    description: "A value reported for a tracked commitment on a date: how far it has come.",
  },
  {
    recordType: "partnership",
    slug: "partnership",
    name: "A partnership",
    description: "A brand and a partner, such as a contract manufacturer, making products together.",
  },
  {
    recordType: "facility",
    slug: "facility",
    name: "A facility",
    description: "A factory or site in India: where it is, who runs it, and how far it has got.",
  },
  {
    recordType: "company",
    slug: "company",
    name: "A company",
    description: "A brand, contract manufacturer or supplier that is not on the tracker yet.",
  },
];

export const KIND_NOUNS: Record<RecordType, string> = {
  commitment: "Commitment",
  progress_update: "Progress update",
  partnership: "Partnership",
  facility: "Facility",
  company: "Company",
};

/** The form for a kind; with an id, the form to edit and resubmit that submission. */
export function submitPath(recordType: RecordType, resubmitId?: number): string {
  const kind = SUBMIT_KINDS.find((k) => k.recordType === recordType);
  const base = `/submit/${kind?.slug ?? ""}`;
  return resubmitId === undefined ? base : `${base}?resubmit=${resubmitId}`;
}
