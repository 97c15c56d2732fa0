import type { Metadata } from "next";
import { getDb } from "@/db";
import { undeliveredMail, type UndeliveredMail } from "@/db/queries/undelivered-mail";
import { adminOrRefusal } from "../access";
import { formatIndiaDateTime } from "@/lib/domain/dates";
import { RequeueForm } from "./requeue-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mail not delivered" };

// The outbox's failures, for admins (docs/decisions/0023, 0025): what gave up, with its last
// error and a button to queue it once more, and what is waiting for its next attempt.

const KIND_WORDS: Record<UndeliveredMail["kind"], string> = {
  submission_approved: "Proposal approved",
  submission_rejected: "Proposal rejected",
  submission_changes_requested: "Changes requested",
  submission_sent_back: "Proposal sent back",
  password_reset: "Password reset",
  email_verification: "Address confirmation",
  deadline_digest: "Deadline digest",
  watch_digest: "Watch digest",
};

function MailTable({ caption, rows, failed }: { caption: string; rows: UndeliveredMail[]; failed: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Kind</th>
            <th scope="col">Subject</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Queued</th>
            <th scope="col">{failed ? "Action" : "Next attempt"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} id={`mail-${m.id}`}>
              <td>{m.recipient}</td>
              <td>{KIND_WORDS[m.kind]}</td>
              <td>{m.subject}</td>
              <td>{m.attempts.toLocaleString("en-IN")}</td>
              <td>
                <code>{m.lastError ?? "—"}</code>
              </td>
              <td>{formatIndiaDateTime(m.queuedAt)}</td>
              <td>
                {failed ? (
                  <RequeueForm id={m.id} recipient={m.recipient} />
                ) : (
                  formatIndiaDateTime(m.nextAttemptAt)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AdminMailPage({ searchParams }: PageProps<"/admin/mail">) {
  const { requeued } = await searchParams;
  const { refusal } = await adminOrRefusal("/admin/mail", "Mail not delivered");
  if (refusal) return refusal;
  const { failed, retrying } = undeliveredMail(getDb());
  return (
    <>
      <h1>Mail not delivered</h1>
      {typeof requeued === "string" && /^\d+$/.test(requeued) ? (
        <p role="status" className="notice">
          The message was queued again: it is sent with the next round, within a minute.
        </p>
      ) : null}
      <p>
        Messages are tried up to eight times over about two hours. What still fails is listed first: fix the
        cause (the mail server&apos;s address or password, or the recipient&apos;s address), then send it
        again.
      </p>
      <h2>Failed</h2>
      {failed.length === 0 ? (
        <p>No message has failed.</p>
      ) : (
        <MailTable caption={`${failed.length.toLocaleString("en-IN")} failed`} rows={failed} failed />
      )}
      <h2>Waiting to retry</h2>
      {retrying.length === 0 ? (
        <p>No message is waiting to retry.</p>
      ) : (
        <MailTable
          caption={`${retrying.length.toLocaleString("en-IN")} waiting to retry`}
          rows={retrying}
          failed={false}
        />
      )}
    </>
  );
}
