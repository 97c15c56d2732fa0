import { z } from "zod";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount } from "@/lib/domain/format";
import { decimal, isoDate, optionalText } from "@/lib/validation/fields";
import { SourcesSchema } from "@/lib/validation/submissions";
import { str, type RecordKind } from "./kind";
import { PROGRESS_UPDATE_FIELDS, PROGRESS_UPDATE_LABELS as L } from "./progress-update-fields";

export const ProgressInputSchema = z.object({
  commitment_id: z
    .union([z.string(), z.number()], { error: "Choose the commitment" })
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,14}$/, "Enter the commitment's number, a whole number")
        .transform(Number),
    ),
  as_of: isoDate(L.as_of),
  value: decimal(L.value),
  note: optionalText({ label: L.note, max: 2000, multiline: true }),
  sources: SourcesSchema,
});
export type ProgressInput = z.output<typeof ProgressInputSchema>;

export type ProgressUpdateRow = { commitmentId: number; asOf: string; value: number; note: string | null };

export const progressUpdate: RecordKind<ProgressInput, ProgressUpdateRow> = {
  recordType: "progress_update",
  nouns: { singular: "progress update", capitalised: "Progress update", plural: "Progress updates" },
  submit: {
    slug: "progress",
    name: "A progress update",
    description: "A value reported for a tracked commitment on a date: how far it has come.",
  },
  schema: ProgressInputSchema,
  fields: PROGRESS_UPDATE_FIELDS,
  // Status ignores progress dated before the baseline, so it would be published and never count.
  references: [{ field: "commitment_id", to: "commitment", notBeforeBaseline: "as_of" }],
  title: (r, { commitmentTitle }) => {
    const id = Number(r.commitment_id);
    const title = Number.isInteger(id) ? commitmentTitle(id) : null;
    const value = typeof r.value === "number" ? formatCount(r.value, 6) : null;
    const asOf = str(r.as_of);
    const what = value && asOf ? `${value} as of ${formatIndiaDate(asOf)}` : "Progress";
    return title ? `${what}: “${title}”` : what;
  },
  // A progress update is shown on its commitment's page.
  href: (_id, { row }) => {
    const r = row();
    return r ? `/commitments/${r.commitmentId}` : null;
  },
  // The status triggers (drizzle/0002) mark the commitment for recomputation when this row is written.
  toRow: (p) => ({ commitmentId: p.commitment_id, asOf: p.as_of, value: p.value, note: p.note }),
  fromRow: (r) => ({ commitment_id: r.commitmentId, as_of: r.asOf, value: r.value, note: r.note }),
};
