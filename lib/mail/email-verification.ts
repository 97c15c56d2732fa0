import type { RenderedMail } from "./kinds";
import { letterMail, type Letter } from "./letter";

// The link that confirms a new account's address (better-auth's verification flow,
// auth/better-auth.ts). Until it is followed the person can sign in and read, but not propose
// (docs/decisions/0025); the message says so, says how long the link works, and what to do when
// the account was not the reader's: nothing.

export type EmailVerificationFacts = {
  recipientName: string;
  /** better-auth's verification endpoint on this site, with the token and where to land after. */
  link: string;
  expiresInHours: number;
};

export function renderEmailVerification(facts: EmailVerificationFacts): RenderedMail {
  const hours = facts.expiresInHours === 1 ? "1 hour" : `${facts.expiresInHours} hours`;
  const letter: Letter = {
    greetingName: facts.recipientName,
    blocks: [
      {
        kind: "paragraph",
        parts: [
          `An account on the tracker was made with this address. To confirm that it is yours, follow this link within ${hours}. Until then you can sign in and read, but your proposals wait.`,
        ],
      },
      { kind: "link", label: "Confirm your email address", href: facts.link },
      {
        kind: "paragraph",
        parts: ["If you did not make this account, ignore this message: nothing is done with the address."],
      },
    ],
    footer: "You receive this because an account was made, or a new link asked for, with this address.",
  };
  return letterMail("email_verification", "Confirm your email address", letter);
}
