import type { StateCode } from "@/lib/domain/india-states";

/** The feed of published changes' filters; see db/queries/changes.ts for what each covers. */
export type ChangeFilter = { company: string[]; category: string[]; state: StateCode[] };
