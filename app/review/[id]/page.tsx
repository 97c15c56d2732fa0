import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getSubmission, type SubmissionDetail } from "@/db/queries/submissions";
import { DecisionForm } from "@/components/review/decision-form";
import { formatTimestamp, proposalKind, STATE_LABELS } from "@/components/review/labels";
import styles from "@/components/review/review.module.css";
import {
  LinkedProposals,
  DiffTable,
  FieldTable,
  History,
  ProposedSources,
  RecordLink,
  RevisionsSince,
} from "@/components/review/submission-parts";
import { formatIndiaDate } from "@/lib/domain/dates";
import { nounOf } from "@/lib/records";
import { reviewerOrRefusal } from "../access";

export const dynamic = "force-dynamic";

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: PageProps<"/review/[id]">): Promise<Metadata> {
  const { id } = await params;
  return { title: `Review submission ${parseId(id) ?? ""}`.trim() };
}

function Proposal({ s }: { s: SubmissionDetail }) {
  const label = nounOf(s.recordType);
  if (s.action === "withdraw") {
    return (
      <section aria-labelledby="proposal-heading" className={styles.section}>
        <h2 id="proposal-heading">Why withdraw it</h2>
        <blockquote>{s.withdrawReason}</blockquote>
        <p>
          A withdrawn {label} stays published, marked withdrawn with the date and this reason; it is never
          deleted.
        </p>
        {s.target ? <FieldTable rows={s.target.fields} caption={`The ${label} as published now`} /> : null}
      </section>
    );
  }
  if (s.action === "change") {
    return (
      <section aria-labelledby="proposal-heading" className={styles.section}>
        <h2 id="proposal-heading">What would change</h2>
        {s.target ? (
          <p>
            Compared with <RecordLink href={s.target.href}>the {label} as published now</RecordLink>.
          </p>
        ) : null}
        <DiffTable changes={s.diff ?? []} caption={`Changes to the published ${label}, field by field`} />
        <details>
          <summary>The whole proposed {label}</summary>
          <FieldTable rows={s.fields} caption={`Proposed ${label}`} />
        </details>
      </section>
    );
  }
  return (
    <section aria-labelledby="proposal-heading" className={styles.section}>
      <h2 id="proposal-heading">Proposed {label}</h2>
      <FieldTable rows={s.fields} caption={`Proposed ${label}, field by field`} />
    </section>
  );
}

export default async function ReviewSubmissionPage({ params }: PageProps<"/review/[id]">) {
  const { id: raw } = await params;
  const access = await reviewerOrRefusal(`/review/${raw}`, "Review a submission");
  if (!access.user) return access.refusal;
  const id = parseId(raw);
  const s = id === null ? null : getSubmission(getDb(), id);
  if (!s) notFound();

  const own = s.submitter.id === access.user.id;
  const open = s.state === "pending";
  return (
    <article>
      <p className="meta">
        <Link href="/review">Review queue</Link> · Submission {s.id}
      </p>
      <h1>
        {proposalKind(s.recordType, s.action)}: {s.title}
      </h1>
      <dl className="facts">
        <dt>State</dt>
        <dd>{STATE_LABELS[s.state]}</dd>
        <dt>Submitted by</dt>
        <dd>
          {s.submitter.name}, <time dateTime={s.createdAt}>{formatTimestamp(s.createdAt)}</time>
        </dd>
        {s.context ? (
          <>
            <dt>Commitment</dt>
            <dd>
              <Link href={s.context.href}>{s.context.label}</Link>
            </dd>
          </>
        ) : null}
        {s.reviewer ? (
          <>
            <dt>Decided by</dt>
            <dd>
              {s.reviewer.name}
              {s.decidedAt ? (
                <>
                  , <time dateTime={s.decidedAt}>{formatTimestamp(s.decidedAt)}</time>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {s.decisionReason ? (
          <>
            <dt>Reason</dt>
            <dd>{s.decisionReason}</dd>
          </>
        ) : null}
        {s.result ? (
          <>
            <dt>Published</dt>
            <dd>
              <RecordLink href={s.result.href}>The {nounOf(s.recordType)} as published</RecordLink>
            </dd>
          </>
        ) : null}
      </dl>

      {s.target?.withdrawnOn && open ? (
        <p className="notice" role="note">
          The published {nounOf(s.recordType)} was withdrawn on {formatIndiaDate(s.target.withdrawnOn)}
          {s.target.withdrawnReason ? `: ${s.target.withdrawnReason}` : ""}. It can no longer change.
        </p>
      ) : null}

      {s.conflict ? (
        <section className={`notice ${styles.section}`} aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">The published record has changed since this was proposed</h2>
          <p>
            The contributor proposed this against an earlier version. Approving is refused, because it would
            silently undo these changes; the comparison below is against the record as it is now. Request
            changes so that the contributor can propose again against the current version, or reject.
          </p>
          <RevisionsSince revisions={s.conflict.since} />
        </section>
      ) : null}

      {s.duplicates.length > 0 && open ? (
        <section className={`notice ${styles.section}`} aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">It may already be in the tracker</h2>
          <p>Same company, same deadline year and a similar title:</p>
          <ul>
            {s.duplicates.map((d) => (
              <li key={`${d.kind}-${d.id}`}>
                <Link href={d.href}>{d.title}</Link>{" "}
                <span className="meta">
                  {d.kind === "commitment"
                    ? `published commitment ${d.id}`
                    : `submission ${d.id}, not yet decided`}
                  {d.withdrawn ? ", withdrawn" : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {open && (s.linked.waitingFor.length > 0 || s.linked.dependants.length > 0) ? (
        <LinkedProposals linked={s.linked} />
      ) : null}

      <Proposal s={s} />

      {s.action !== "withdraw" ? (
        <section aria-labelledby="sources-heading" className={styles.section}>
          <h2 id="sources-heading">Sources</h2>
          <ProposedSources sources={s.sources} />
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className={styles.section}>
        <h2 id="history-heading">History</h2>
        <History events={s.events} />
      </section>

      {open && own ? (
        <p className="notice" role="note">
          You submitted this yourself, so another reviewer must decide on it.
        </p>
      ) : null}
      {open && !own ? (
        <DecisionForm
          id={s.id}
          canApprove={!s.conflict && !s.target?.withdrawnOn && s.linked.waitingFor.length === 0}
        />
      ) : null}
      {!open ? (
        <p>This submission is {STATE_LABELS[s.state].toLowerCase()}; there is nothing to decide.</p>
      ) : null}
    </article>
  );
}
