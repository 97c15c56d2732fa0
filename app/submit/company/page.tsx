import type { Metadata } from "next";
import { SpecForm } from "@/components/submit/spec-form";
import { MAX_SOURCES } from "@/lib/validation/submissions";
import { BackToKinds, loadPrefill, one, PrefillNotice, requireSignedIn } from "../page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a company" };

export default async function SubmitCompanyPage({ searchParams }: PageProps<"/submit/company">) {
  const params = await searchParams;
  const user = await requireSignedIn("/submit/company", params, ["resubmit"]);
  const prefill = loadPrefill(user, one(params.resubmit), "company");
  return (
    <>
      <BackToKinds />
      <h1>{prefill.kind === "resubmit" ? "Edit and resubmit a company" : "Propose a company"}</h1>
      <PrefillNotice prefill={prefill} />
      {prefill.kind === "unavailable" ? null : (
        <>
          <p>A brand, contract manufacturer or supplier that is not on the tracker yet.</p>
          <SpecForm
            kind="company"
            initialValues={prefill.values}
            resubmitId={prefill.resubmitId}
            maxSources={MAX_SOURCES}
          />
        </>
      )}
    </>
  );
}
