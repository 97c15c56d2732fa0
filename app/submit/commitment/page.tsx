import type { Metadata } from "next";
import { CommitmentForm } from "@/components/submit/commitment-form";
import { DEADLINE_PRECISIONS, type DeadlinePrecision } from "@/lib/domain/vocabulary";
import { DEADLINE_FORMATS, MAX_SOURCES } from "@/lib/validation/submissions";
import { BackToKinds, loadPrefill, one, PrefillNotice, requireSignedIn } from "../page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a commitment" };

// The examples come from the schema's own formats, so the hint cannot drift from what it accepts.
const DEADLINE_EXAMPLES = Object.fromEntries(
  DEADLINE_PRECISIONS.map((p) => [p, DEADLINE_FORMATS[p].example]),
) as Record<DeadlinePrecision, string>;

export default async function SubmitCommitmentPage({ searchParams }: PageProps<"/submit/commitment">) {
  const params = await searchParams;
  const user = await requireSignedIn("/submit/commitment", params, ["resubmit"]);
  const prefill = loadPrefill(user, one(params.resubmit), "commitment");
  return (
    <>
      <BackToKinds />
      <h1>{prefill.kind === "resubmit" ? "Edit and resubmit a commitment" : "Propose a commitment"}</h1>
      <PrefillNotice prefill={prefill} />
      {prefill.kind === "unavailable" ? null : (
        <>
          <p>A company’s public target to manufacture or source in India, as its source states it.</p>
          <CommitmentForm
            initialValues={prefill.values}
            resubmitId={prefill.resubmitId}
            maxSources={MAX_SOURCES}
            deadlineExamples={DEADLINE_EXAMPLES}
          />
        </>
      )}
    </>
  );
}
