import type { Metadata } from "next";
import { SpecForm } from "@/components/submit/spec-form";
import { MAX_SOURCES } from "@/lib/validation/submissions";
import { BackToKinds, loadPrefill, one, PrefillNotice, requireSignedIn } from "../page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a facility" };

export default async function SubmitFacilityPage({ searchParams }: PageProps<"/submit/facility">) {
  const params = await searchParams;
  const user = await requireSignedIn("/submit/facility", params, ["resubmit"]);
  const prefill = loadPrefill(user, one(params.resubmit), "facility");
  return (
    <>
      <BackToKinds />
      <h1>{prefill.kind === "resubmit" ? "Edit and resubmit a facility" : "Propose a facility"}</h1>
      <PrefillNotice prefill={prefill} />
      {prefill.kind === "unavailable" ? null : (
        <>
          <p>A factory or site in India: where it is, who runs it and how far it has got.</p>
          <SpecForm
            kind="facility"
            initialValues={prefill.values}
            resubmitId={prefill.resubmitId}
            maxSources={MAX_SOURCES}
          />
        </>
      )}
    </>
  );
}
