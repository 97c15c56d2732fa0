import type { CompanyKind, FacilityStage, PartnershipStage } from "@/lib/domain/vocabulary";
import type { CommitmentSummary } from "./commitments";
import type { CompanyRef, Paged, SourceView, StateRef } from "./common";

// Companies, facilities and partnerships as the directory pages and the API show them.

export type CompanyListItem = {
  id: number;
  slug: string;
  name: string;
  kind: CompanyKind;
  hqCountry: string;
  website: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  counts: { commitments: number; facilities: number; partnerships: number };
  sources: SourceView[];
};

export type CompanyDetail = CompanyListItem & {
  description: string | null;
  commitments: Paged<CommitmentSummary>;
  partnerships: PartnershipView[];
  facilities: FacilityView[];
};

export type FacilityRecord = {
  id: number;
  name: string;
  city: string | null;
  state: StateRef;
  stage: FacilityStage;
  investmentAmount: number | null;
  investmentCurrency: string | null;
  announcedOn: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  operator: CompanyRef;
  sources: SourceView[];
};

export type FacilityView = FacilityRecord & {
  /** In the currency the source gave, with en-IN grouping; no conversion, as no rate is recorded. */
  investmentLabel: string | null;
};

export type PartnershipView = {
  id: number;
  brand: CompanyRef;
  partner: CompanyRef;
  productCategories: string[];
  facility: { id: number; name: string; city: string | null; state: StateRef } | null;
  announcedOn: string | null;
  stage: PartnershipStage;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  sources: SourceView[];
};
