import {
  commitments,
  commitmentSources,
  companies,
  companySources,
  facilities,
  facilitySources,
  partnerships,
  partnershipSources,
  progressSources,
  progressUpdates,
} from "./schema";

// Each kind's published table and the table linking its records to their sources: the one place
// in db/ that pairs record types with tables, for the reads and writes every kind shares.

export const RECORD_TABLES = {
  company: companies,
  facility: facilities,
  partnership: partnerships,
  commitment: commitments,
  progress_update: progressUpdates,
} as const;

export const SOURCE_LINK_TABLES = {
  company: companySources,
  facility: facilitySources,
  partnership: partnershipSources,
  commitment: commitmentSources,
  progress_update: progressSources,
} as const;
