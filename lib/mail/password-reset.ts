import type { RenderedMail } from "./kinds";
import { letterMail, type Letter } from "./letter";

// The link to choose a new password (better-auth's reset flow, auth/better-auth.ts). It says how
// long the link works and that it works once, and what to do when the request was not the
// reader's: nothing, since nothing changes until the link is used.

export type PasswordResetFacts = {
  recipientName: string;
  /** The page on this site that takes the token and a new password. */
  link: string;
  expiresInMinutes: number;
};

export function renderPasswordReset(facts: PasswordResetFacts): RenderedMail {
  const letter: Letter = {
    greetingName: facts.recipientName,
    blocks: [
      {
        kind: "paragraph",
        parts: [
          `Someone asked to reset the password of your account on the tracker. If it was you, choose a new password through this link within ${facts.expiresInMinutes} minutes. It works once.`,
        ],
      },
      { kind: "link", label: "Choose a new password", href: facts.link },
      {
        kind: "paragraph",
        parts: ["If it was not you, ignore this message: your password stays as it is."],
      },
    ],
    footer: "You receive this because a new password was asked for this address.",
  };
  return letterMail("password_reset", "Choose a new password", letter);
}
