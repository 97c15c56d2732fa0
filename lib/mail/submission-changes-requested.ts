import type { RenderedMail } from "./kinds";
import {
  DECISION_FOOTER,
  decidedOnWords,
  decisionMail,
  proposalParts,
  resubmitLink,
  submissionLink,
} from "./submission-decision";
import type { DecisionFacts } from "./submission-decision";

export type ChangesRequestedFacts = DecisionFacts & { comment: string };

export function renderSubmissionChangesRequested(facts: ChangesRequestedFacts): RenderedMail {
  return decisionMail("submission_changes_requested", "Changes requested", facts, {
    greetingName: facts.recipientName,
    blocks: [
      {
        kind: "paragraph",
        parts: [
          "A reviewer sent your proposal of ",
          ...proposalParts(facts),
          ` back to you on ${decidedOnWords(facts)}, asking for changes.`,
        ],
      },
      { kind: "quote", label: "What the reviewer asked you to change", value: facts.comment },
      resubmitLink(facts),
      submissionLink(facts),
    ],
    footer: DECISION_FOOTER,
  });
}
