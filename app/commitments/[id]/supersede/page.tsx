import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { reviewerOrRefusal } from "@/app/review/access";
import { getDb } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import { today } from "@/lib/server/clock";
import { RecordIdSchema } from "@/lib/validation/api-params";
import { SupersedeForm } from "./supersede-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mark as superseded" };

const HEADING = "Mark as superseded";

export default async function SupersedePage({ params }: PageProps<"/commitments/[id]/supersede">) {
  const { id: rawId } = await params;
  const id = RecordIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  const access = await reviewerOrRefusal(`/commitments/${id.data}/supersede`, HEADING);
  if (access.refusal) return access.refusal;
  const c = getCommitment(getDb(), id.data, today());
  if (!c) notFound();
  return (
    <>
      <p className="meta">
        <Link href={`/commitments/${c.id}`}>{c.title}</Link> › {HEADING}
      </p>
      <h1>{HEADING}</h1>
      {c.supersededById ? (
        <p className="notice">
          This commitment is already superseded by{" "}
          <Link href={`/commitments/${c.supersededById}`}>commitment {c.supersededById}</Link>.
        </p>
      ) : (
        <>
          <p>
            When {c.company.name} restates “{c.title}” as a new commitment, link this one to it. It stays
            published, with a link to the new one, and leaves the counts, dashboards and deadlines.
          </p>
          <SupersedeForm oldId={c.id} />
        </>
      )}
    </>
  );
}
