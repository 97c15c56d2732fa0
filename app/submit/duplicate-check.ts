import "server-only";
import { getDb } from "@/db";
import { findLikelyDuplicates } from "@/db/queries/submissions";
import type { DuplicateCheck } from "@/components/submit/types";
import { SLUG } from "@/lib/validation/fields";
import { parseDeadline } from "@/lib/validation/submissions";
import { DEADLINE_PRECISIONS, type DeadlinePrecision } from "@/lib/domain/vocabulary";

// The duplicate check behind both the "Check for duplicates" button (the form's server action)
// and the route the form asks while a person types: the same answer either way.

const text = (v: unknown): string => (typeof v === "string" ? v.normalize("NFC").trim() : "");

const isPrecision = (v: string): v is DeadlinePrecision =>
  (DEADLINE_PRECISIONS as readonly string[]).includes(v);

/**
 * Published commitments (and a count of open proposals) like the one in `input`: its company,
 * title, deadline and deadline_precision fields, as the form sends them. Nothing else of the
 * form needs to be valid yet. `excludeSubmissionId`: the submission being edited, which is not a
 * duplicate of itself.
 */
export function checkDuplicates(
  input: Record<string, unknown>,
  excludeSubmissionId: number | null = null,
): DuplicateCheck {
  const company = text(input.company).toLowerCase();
  const title = text(input.title).slice(0, 300);
  const deadline = text(input.deadline);
  const precision = text(input.deadline_precision);
  if (!SLUG.test(company) || company.length > 80 || title.length < 3) {
    return { status: "incomplete", message: "Enter the company and the title to look for duplicates." };
  }
  let dueOn: string | null = null;
  if (deadline !== "" || precision !== "") {
    dueOn = isPrecision(precision) ? parseDeadline(deadline, precision) : null;
    if (dueOn === null) {
      return { status: "incomplete", message: "Write the deadline for its precision to compare deadlines." };
    }
  }
  const found = findLikelyDuplicates(getDb(), { company, title, dueOn, excludeSubmissionId });
  return {
    status: "checked",
    published: found
      .filter((d) => d.kind === "commitment")
      .map((d) => ({
        id: d.id,
        title: d.title,
        deadline: d.dueOn ? `deadline in ${d.dueOn.slice(0, 4)}` : "no deadline stated",
        href: d.href,
        withdrawn: d.withdrawn,
      })),
    pending: found.filter((d) => d.kind === "submission").length,
  };
}
