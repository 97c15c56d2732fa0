import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { reviewerOrRefusal } from "@/app/review/access";
import { getDb } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import { StatusBadge } from "@/components/commitments/status-badge";
import { OutcomeForm } from "@/components/outcome/outcome-form";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatValue } from "@/lib/domain/format";
import { UNIT_LABELS } from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";
import { RecordIdSchema } from "@/lib/validation/api-params";
import { MAX_SOURCES } from "@/lib/validation/submissions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Record the outcome" };

const HEADING = "Record the outcome";

export default async function RecordOutcomePage({ searchParams }: PageProps<"/deadlines/outcome">) {
  const raw = (await searchParams).commitment;
  const requested = typeof raw === "string" ? raw : "";
  const access = await reviewerOrRefusal(
    `/deadlines/outcome?commitment=${encodeURIComponent(requested)}`,
    HEADING,
  );
  if (access.refusal) return access.refusal;

  const id = RecordIdSchema.safeParse(requested);
  const c = id.success ? getCommitment(getDb(), id.data, today()) : null;
  if (!c) {
    return (
      <>
        <h1>{HEADING}</h1>
        <p className="notice">
          There is no commitment number {requested.slice(0, 20) || "(none given)"}. Choose one from the{" "}
          <Link href="/deadlines">deadlines</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <p className="meta">
        <Link href="/deadlines">Deadlines</Link> › {c.company.name}
      </p>
      <h1>{HEADING}</h1>
      <p>
        For <Link href={`/commitments/${c.id}`}>{c.title}</Link> ({c.company.name}): target{" "}
        {formatValue(c.targetValue, c.unit)}
        {c.dueOn ? <> by {formatIndiaDate(c.dueOn)}</> : null}, from {formatValue(c.baselineValue, c.unit)} on{" "}
        {formatIndiaDate(c.baselineDate)}. Status now: <StatusBadge status={c.status.status} />
      </p>
      <p>
        The value is published at once, as a progress update approved by you, and its status is computed again
        from it. Give the source that reports the outcome.
      </p>
      <OutcomeForm commitmentId={c.id} unit={UNIT_LABELS[c.unit]} maxSources={MAX_SOURCES} />
    </>
  );
}
