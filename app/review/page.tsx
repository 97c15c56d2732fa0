import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { getSubmission, reviewQueue } from "@/db/queries/submissions";
import { proposalKind, formatTimestamp } from "@/components/review/labels";
import { RECORD_KINDS } from "@/lib/records";
import styles from "@/components/review/review.module.css";
import { daysBetween, indiaDate } from "@/lib/domain/dates";
import { RECORD_TYPES, type RecordType } from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";
import { DecidedParamsSchema } from "./decision-schema";
import { reviewerOrRefusal } from "./access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

const OUTCOME_WORDS = {
  approve: "approved",
  reject: "rejected",
  request_changes: "sent back for changes",
} as const;

function DecidedNotice({ params }: { params: Record<string, string | string[] | undefined> }) {
  const parsed = DecidedParamsSchema.safeParse(params);
  if (!parsed.success) return null;
  const s = getSubmission(getDb(), parsed.data.decided);
  if (!s) return null;
  return (
    <p className="success" role="status">
      Submission {s.id}, “{s.title}”, {OUTCOME_WORDS[parsed.data.outcome]}.
      {parsed.data.outcome === "approve" && s.result?.href ? (
        <>
          {" "}
          <Link href={s.result.href}>See the published record</Link>.
        </>
      ) : null}
    </p>
  );
}

function waiting(createdAt: string, asOf: string): string {
  const at = new Date(createdAt);
  if (Number.isNaN(at.getTime())) return "";
  const days = daysBetween(indiaDate(at), asOf);
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days.toLocaleString("en-IN")} days`;
}

export default async function ReviewQueuePage({ searchParams }: PageProps<"/review">) {
  const params = await searchParams;
  const kindParam = typeof params.kind === "string" ? params.kind : null;
  const kind = RECORD_TYPES.find((t) => t === kindParam) ?? null;
  const access = await reviewerOrRefusal(kind ? `/review?kind=${kind}` : "/review", "Review queue");
  if (!access.user) return access.refusal;

  const queue = reviewQueue(getDb(), kind ? { recordType: kind } : {});
  const asOf = today();
  const countOf = (t: RecordType) => queue.counts.find((c) => c.recordType === t)?.count ?? 0;
  return (
    <>
      <h1>Review queue</h1>
      <DecidedNotice params={params} />
      <p className="lede">
        Proposals wait here, the longest waiting first, until a reviewer other than the person who sent them
        approves, rejects or sends them back.{" "}
        <Link href="/review/import">Import commitments from a CSV file</Link>.{" "}
        <Link href="/review/sources">Sources whose links broke or changed</Link>.
      </p>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Waiting: {queue.total.toLocaleString("en-IN")}</h2>
        <ul className={styles.counts}>
          {kind ? (
            <li>
              <Link href="/review">All kinds</Link>
            </li>
          ) : null}
          {RECORD_TYPES.map((t) => (
            <li key={t}>
              {kind === t ? (
                <strong aria-current="true">
                  {RECORD_KINDS[t].nouns.plural}: {countOf(t)}
                </strong>
              ) : (
                <Link href={`/review?kind=${t}`}>
                  {RECORD_KINDS[t].nouns.plural}: {countOf(t)}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
      {queue.items.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {kind ? `${RECORD_KINDS[kind].nouns.plural} waiting` : "Waiting for review"}, longest waiting
              first
              {queue.items.length < (kind ? countOf(kind) : queue.total)
                ? ` (the first ${queue.items.length})`
                : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Submission</th>
                <th scope="col">Kind</th>
                <th scope="col">Submitted by</th>
                <th scope="col">Submitted</th>
                <th scope="col">Waiting</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link href={`/review/${item.id}`}>{item.title}</Link>
                    <div className="meta">
                      Submission {item.id}
                      {item.resubmitted ? " · resubmitted after changes were requested" : ""}
                    </div>
                  </td>
                  <td>{proposalKind(item.recordType, item.action)}</td>
                  <td>{item.submitter.name}</td>
                  <td>
                    <time dateTime={item.createdAt}>{formatTimestamp(item.createdAt)}</time>
                  </td>
                  <td>{waiting(item.createdAt, asOf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
