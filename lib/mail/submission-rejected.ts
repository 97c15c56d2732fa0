import type { RenderedMail } from "./kinds";
import {
  DECISION_FOOTER,
  decidedOnWords,
  decisionMail,
  proposalParts,
  submissionLink,
} from "./submission-decision";
import type { DecisionFacts } from "./submission-decision";

export type RejectedFacts = DecisionFacts & { reason: string };

export function renderSubmissionRejected(facts: RejectedFacts): RenderedMail {
  return decisionMail("submission_rejected", "Not accepted", facts, {
    greetingName: facts.recipientName,
    blocks: [
      {
        kind: "paragraph",
        parts: ["Your proposal of ", ...proposalParts(facts), ` was rejected on ${decidedOnWords(facts)}.`],
      },
      { kind: "quote", label: "Why it was rejected", value: facts.reason },
      submissionLink(facts),
    ],
    footer: DECISION_FOOTER,
  });
}
