import type { Metadata } from "next";
import { getDb } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import { ProgressForm, type ProgressTarget } from "@/components/submit/progress-form";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatValue } from "@/lib/domain/format";
import { UNIT_LABELS } from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";
import { MAX_SOURCES } from "@/lib/validation/submissions";
import { BackToKinds, loadPrefill, one, PrefillNotice, requireSignedIn } from "../page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a progress update" };

function progressTarget(id: string | undefined): ProgressTarget | null {
  if (!id || !/^[1-9]\d{0,14}$/.test(id)) return null;
  const c = getCommitment(getDb(), Number(id), today());
  if (!c) return null;
  return {
    id: c.id,
    title: c.title,
    companyName: c.company.name,
    unit: UNIT_LABELS[c.unit],
    baseline: `${formatValue(c.baselineValue, c.unit)} on ${formatIndiaDate(c.baselineDate)}`,
  };
}

export default async function SubmitProgressPage({ searchParams }: PageProps<"/submit/progress">) {
  const params = await searchParams;
  const user = await requireSignedIn("/submit/progress", params, ["commitment", "resubmit"]);
  const prefill = loadPrefill(user, one(params.resubmit), "progress_update");
  if (prefill.kind === "unavailable") {
    return (
      <>
        <BackToKinds />
        <h1>Propose a progress update</h1>
        <PrefillNotice prefill={prefill} />
      </>
    );
  }
  const requested = one(params.commitment)?.trim();
  const commitmentId =
    typeof prefill.values.commitment_id === "string" ? prefill.values.commitment_id : requested;
  const commitment = progressTarget(commitmentId);
  // ?commitment= preselects only a commitment that exists; otherwise the field starts empty.
  const values =
    prefill.kind === "new" && commitment ? { commitment_id: String(commitment.id) } : prefill.values;
  return (
    <>
      <BackToKinds />
      <h1>
        {prefill.kind === "resubmit" ? "Edit and resubmit a progress update" : "Propose a progress update"}
      </h1>
      <PrefillNotice prefill={prefill} />
      {prefill.kind === "new" && requested && !commitment ? (
        <p className="notice">
          There is no commitment number {requested.slice(0, 20)}; enter the number below.
        </p>
      ) : null}
      <p>A value reported for a tracked commitment on a date, with the source that reports it.</p>
      <ProgressForm
        initialValues={values}
        resubmitId={prefill.resubmitId}
        maxSources={MAX_SOURCES}
        commitment={commitment}
      />
    </>
  );
}
