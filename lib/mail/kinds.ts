// One kind per template: each kind has its module in lib/mail and renders one message. The
// outbox's CHECK constraint is built from this list, so a message of an unknown kind cannot be
// queued. Account mail (verification, password reset) and digests add their kinds here.
export const MAIL_KINDS = [
  "submission_approved",
  "submission_rejected",
  "submission_changes_requested",
  "submission_sent_back",
  "password_reset",
  "email_verification",
  "deadline_digest",
  "watch_digest",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const OUTBOX_STATES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A rendered message, ready to be queued: everything the outbox stores about its content. */
export type RenderedMail = {
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  /** Extra header lines, e.g. List-Unsubscribe for a digest; never To, From or Subject. */
  headers: Record<string, string>;
};
