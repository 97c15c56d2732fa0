import type { RenderedMail } from "./kinds";
import { value } from "./letter";
import {
  DECISION_FOOTER,
  decidedOnWords,
  decisionMail,
  proposalParts,
  resubmitLink,
  submissionLink,
} from "./submission-decision";
import type { DecisionFacts } from "./submission-decision";

/**
 * A proposal sent back because the company proposal it names was rejected: no reviewer looked
 * at this one, so the message says why it came back and what to do, rather than quoting a
 * reviewer's request.
 */
export type SentBackFacts = DecisionFacts & {
  /** The short name of the rejected company proposal. */
  companySlug: string;
  companySubmissionId: number;
  /** The reviewer's reason for rejecting the company. */
  companyReason: string;
};

export function renderSubmissionSentBack(facts: SentBackFacts): RenderedMail {
  return decisionMail("submission_sent_back", "Sent back", facts, {
    greetingName: facts.recipientName,
    blocks: [
      {
        kind: "paragraph",
        parts: [
          "Your proposal of ",
          ...proposalParts(facts),
          ` came back to you on ${decidedOnWords(facts)}: the company it names, “`,
          value(facts.companySlug),
          `” (your proposal ${facts.companySubmissionId}), was rejected.`,
        ],
      },
      { kind: "quote", label: "Why the company was rejected", value: facts.companyReason },
      {
        kind: "paragraph",
        parts: ["You can name a company already on the tracker instead, and send the proposal again."],
      },
      resubmitLink(facts),
      submissionLink(facts),
    ],
    footer: DECISION_FOOTER,
  });
}
