import type { Metadata } from "next";
import { SpecForm } from "@/components/submit/spec-form";
import { MAX_SOURCES } from "@/lib/validation/submissions";
import { BackToKinds, loadPrefill, one, PrefillNotice, requireSignedIn } from "../page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a partnership" };

export default async function SubmitPartnershipPage({ searchParams }: PageProps<"/submit/partnership">) {
  const params = await searchParams;
  const user = await requireSignedIn("/submit/partnership", params, ["resubmit"]);
  const prefill = loadPrefill(user, one(params.resubmit), "partnership");
  return (
    <>
      <BackToKinds />
      <h1>{prefill.kind === "resubmit" ? "Edit and resubmit a partnership" : "Propose a partnership"}</h1>
      <PrefillNotice prefill={prefill} />
      {prefill.kind === "unavailable" ? null : (
        <>
          <p>A brand and a partner making products together in India.</p>
          <SpecForm
            kind="partnership"
            initialValues={prefill.values}
            resubmitId={prefill.resubmitId}
            maxSources={MAX_SOURCES}
          />
        </>
      )}
    </>
  );
}
