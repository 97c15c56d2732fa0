import { siteLink } from "./origin";
import type { Block } from "./letter";
import {
  DECISION_FOOTER,
  decidedOnWords,
  decisionMail,
  proposalParts,
  submissionLink,
} from "./submission-decision";
import type { DecisionFacts } from "./submission-decision";
import type { RenderedMail } from "./kinds";

export type ApprovedFacts = DecisionFacts & {
  /** The reviewer's optional note. */
  note: string | null;
  /** Where the published record is read (a path on the site); null when it has no page. */
  recordPath: string | null;
};

export function renderSubmissionApproved(facts: ApprovedFacts): RenderedMail {
  const published = facts.action === "withdraw" ? "and the record is withdrawn." : "and is now published.";
  const blocks: Block[] = [
    {
      kind: "paragraph",
      parts: [
        "Your proposal of ",
        ...proposalParts(facts),
        ` was approved on ${decidedOnWords(facts)} `,
        published,
      ],
    },
  ];
  if (facts.note) blocks.push({ kind: "quote", label: "The reviewer’s note", value: facts.note });
  if (facts.recordPath && facts.action !== "withdraw")
    blocks.push({
      kind: "link",
      label: "Read it on the tracker",
      href: siteLink(facts.origin, facts.recordPath),
    });
  blocks.push(submissionLink(facts));
  return decisionMail("submission_approved", "Approved", facts, {
    greetingName: facts.recipientName,
    blocks,
    footer: DECISION_FOOTER,
  });
}
