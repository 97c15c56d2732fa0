import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { mySubmissions, type MySubmission } from "@/db/queries/submissions";
import styles from "@/components/submit/submit.module.css";
import { When } from "@/components/ui/when";
import type { SubmissionState } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, submitPath } from "@/lib/records";
import { currentUser } from "@/auth/session";
import { WithdrawForm } from "./withdraw-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your submissions" };

const STATE_WORDS: Record<SubmissionState, string> = {
  pending: "Pending: waiting for a reviewer",
  approved: "Approved and published",
  rejected: "Rejected",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn by you",
};

const REASON_WORDS: Record<SubmissionState, string> = {
  pending: "Note",
  approved: "The reviewer’s note",
  rejected: "Why it was rejected",
  changes_requested: "What the reviewer asked you to change",
  withdrawn: "Note",
};

const ACTION_WORDS = { create: "New", change: "Change to a", withdraw: "Withdrawal of a" } as const;

function heading(s: MySubmission): string {
  const { nouns } = RECORD_KINDS[s.recordType];
  return s.action === "create" ? nouns.capitalised : `${ACTION_WORDS[s.action]} ${nouns.singular}`;
}

function SubmissionItem({ s }: { s: MySubmission }) {
  const headingId = `submission-${s.id}-title`;
  return (
    <li className={styles.submission} id={`submission-${s.id}`}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          {heading(s)}: {s.title}
        </h2>
        <p>
          <span className={`${styles.state} ${styles[`state_${s.state}`] ?? ""}`}>
            {STATE_WORDS[s.state]}
          </span>
        </p>
        {s.decisionReason ? (
          <>
            <p>{REASON_WORDS[s.state]}:</p>
            <blockquote className={styles.reason}>{s.decisionReason}</blockquote>
          </>
        ) : null}
        <dl>
          <dt>Submission</dt>
          <dd>Number {s.id}</dd>
          <dt>Sent</dt>
          <dd>
            <When iso={s.createdAt} />
          </dd>
          {s.decidedAt ? (
            <>
              <dt>Decided</dt>
              <dd>
                <When iso={s.decidedAt} />
                {s.reviewerName ? ` by ${s.reviewerName}` : null}
              </dd>
            </>
          ) : s.updatedAt !== s.createdAt ? (
            <>
              <dt>Last changed</dt>
              <dd>
                <When iso={s.updatedAt} />
              </dd>
            </>
          ) : null}
        </dl>
        <div className={styles.submissionActions}>
          {s.state === "approved" && s.result?.href ? (
            <Link href={s.result.href}>See the published {RECORD_KINDS[s.recordType].nouns.singular}</Link>
          ) : null}
          {s.canResubmit && s.action !== "withdraw" ? (
            <Link className="button" href={submitPath(s.recordType, s.id)}>
              Edit and resubmit<span className="visually-hidden"> “{s.title}”</span>
            </Link>
          ) : null}
          {s.canWithdraw ? <WithdrawForm id={s.id} title={s.title} /> : null}
        </div>
      </article>
    </li>
  );
}

function idParam(v: string | string[] | undefined): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^[1-9]\d{0,14}$/.test(s) ? Number(s) : null;
}

export default async function MySubmissionsPage({ searchParams }: PageProps<"/account/submissions">) {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account/submissions");
  const params = await searchParams;
  const list = mySubmissions(getDb(), user.id);
  // Banners only for this person's own submissions, so a crafted link cannot make one up.
  const submitted = list.find((s) => s.id === idParam(params.submitted));
  const withdrawn = list.find((s) => s.id === idParam(params.withdrawn));
  return (
    <>
      <h1>Your submissions</h1>
      {submitted ? (
        <div className="success" role="status">
          <p>
            <strong>Thank you: your proposal was sent.</strong> “{submitted.title}” (submission {submitted.id}
            ) is{" "}
            {submitted.state === "pending"
              ? "waiting for a reviewer"
              : STATE_WORDS[submitted.state].toLowerCase()}
            . A reviewer will publish it, reject it with a reason, or ask you for changes; its state is shown
            below.
          </p>
        </div>
      ) : null}
      {withdrawn && withdrawn.state === "withdrawn" ? (
        <p className="success" role="status">
          Submission {withdrawn.id}, “{withdrawn.title}”, is withdrawn.
        </p>
      ) : null}
      <p>
        Everything you have proposed, newest first. <Link href="/submit">Propose another record</Link>.
      </p>
      {list.length === 0 ? (
        <p>You have not proposed anything yet.</p>
      ) : (
        <ol className={styles.submissions} aria-label="Your submissions, newest first">
          {list.map((s) => (
            <SubmissionItem key={s.id} s={s} />
          ))}
        </ol>
      )}
    </>
  );
}
