import "server-only";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getSubmission } from "@/db/queries/submissions";
import { submitPath } from "@/lib/records";
import styles from "@/components/submit/submit.module.css";
import type { RecordType } from "@/lib/domain/vocabulary";
import { currentUser, type SessionUser } from "@/auth/session";
import { payloadToValues } from "./form-values";

// What the submission pages share: only signed-in people see the forms, and a form opened with
// ?resubmit=<id> starts from that submission's stored payload.

type SearchParams = Record<string, string | string[] | undefined>;

export function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The signed-in person, or a redirect to sign in that comes back to this very form. */
export async function requireSignedIn(
  path: string,
  searchParams: SearchParams,
  keep: readonly string[],
): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const query = new URLSearchParams();
    for (const key of keep) {
      const v = one(searchParams[key]);
      if (v) query.set(key, v);
    }
    const next = query.size > 0 ? `${path}?${query.toString()}` : path;
    redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  return user;
}

export type Prefill =
  | { kind: "new"; values: Record<string, string | string[]>; resubmitId: null }
  | { kind: "resubmit"; values: Record<string, string | string[]>; resubmitId: number; reason: string | null }
  | { kind: "unavailable"; message: string };

/** The values a form starts with: empty, or the submission a reviewer sent back to this person. */
export function loadPrefill(
  user: SessionUser,
  resubmit: string | undefined,
  recordType: RecordType,
): Prefill {
  if (resubmit === undefined) return { kind: "new", values: {}, resubmitId: null };
  const id = /^[1-9]\d{0,14}$/.test(resubmit) ? Number(resubmit) : null;
  const s = id === null ? null : getSubmission(getDb(), id);
  // Someone else's submission is "not found" too: its existence is not this person's business.
  if (!s || s.submitter.id !== user.id)
    return { kind: "unavailable", message: "There is no such submission of yours." };
  if (s.recordType !== recordType) redirect(submitPath(s.recordType, s.id));
  if (s.state !== "changes_requested") {
    return {
      kind: "unavailable",
      message:
        "This submission was not sent back for changes, so it cannot be edited. Its state is in your list.",
    };
  }
  return { kind: "resubmit", values: payloadToValues(s.payload), resubmitId: s.id, reason: s.decisionReason };
}

export function PrefillNotice({ prefill }: { prefill: Prefill }) {
  if (prefill.kind === "new") return null;
  if (prefill.kind === "unavailable") {
    return (
      <p className="notice">
        {prefill.message} <Link href="/account/submissions">See your submissions</Link>.
      </p>
    );
  }
  return (
    <div className="status-panel">
      <p>
        A reviewer asked for changes to your submission {prefill.resubmitId}
        {prefill.reason ? ":" : "."}
      </p>
      {prefill.reason ? <blockquote className={styles.reason}>{prefill.reason}</blockquote> : null}
      <p>
        Your proposal is filled in below as you sent it. Change what was asked, then send it again for review.
      </p>
    </div>
  );
}

export function BackToKinds() {
  return (
    <p className="meta">
      <Link href="/submit">All kinds of proposal</Link> ·{" "}
      <Link href="/account/submissions">Your submissions</Link>
    </p>
  );
}
