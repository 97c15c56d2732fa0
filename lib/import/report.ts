// What the import action returns to its form: the problems by row and column, or what was imported.

export type ImportProblem = { row: number; column: string; message: string };
export type ImportWarning = { row: number; message: string; href: string };

export type ImportReport = {
  fileName: string;
  /** Rows read from the file, blank rows left out. */
  rows: number;
  problems: ImportProblem[];
  warnings: ImportWarning[];
  ignoredColumns: string[];
  /** Rows the same as the published commitment they name: skipped. */
  unchanged: number[];
  created: number;
  changed: number;
  /** "pending": submissions for another reviewer; "published": applied at once (an admin's import). */
  mode: "pending" | "published";
  /** Checked only; nothing written. */
  dryRun: boolean;
  imported: boolean;
  submissionIds: number[];
};

export type ImportState = {
  status: "idle" | "error" | "success";
  message?: string;
  errors: Record<string, string>;
  report: ImportReport | null;
};

export const INITIAL_IMPORT_STATE: ImportState = { status: "idle", errors: {}, report: null };
