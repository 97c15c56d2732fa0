import type { CommitmentStatus } from "@/lib/domain/status";

// Status colours, chosen to stay distinguishable for the common colour-vision deficiencies;
// charts never rely on colour alone: every chart has a table and a legend in words.
export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  achieved: "#1b7837",
  on_track: "#7fbc41",
  behind: "#e08214",
  overdue_unverified: "#b2182b",
  missed: "#67001f",
  no_data: "#9e9e9e",
  undated: "#4393c3",
  withdrawn: "#d9d9d9",
};
