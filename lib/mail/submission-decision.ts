import { formatIndiaDate } from "@/lib/domain/dates";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, submitPath } from "@/lib/records";
import type { Block, Letter, Part } from "./letter";
import { letterMail, value } from "./letter";
import type { MailKind, RenderedMail } from "./kinds";
import { siteLink } from "./origin";

/** What every message about a reviewer's decision on a proposal says. */
export type DecisionFacts = {
  /** Where links start: the site's origin, e.g. https://tracker.example.in. */
  origin: string;
  recipientName: string;
  submissionId: number;
  recordType: RecordType;
  action: SubmissionAction;
  /** The record as people name it (a commitment's title, a company's name). */
  title: string;
  /** The calendar date in India of the decision (YYYY-MM-DD). */
  decidedOn: string;
};

/** "a new commitment “…”", "a change to the company “…”", "the withdrawal of the facility “…”". */
export function proposalParts(facts: DecisionFacts): Part[] {
  const noun = RECORD_KINDS[facts.recordType].nouns.singular;
  const lead = {
    create: `a new ${noun}, `,
    change: `a change to the ${noun} `,
    withdraw: `the withdrawal of the ${noun} `,
  }[facts.action];
  return [lead, "“", value(facts.title), "”"];
}

export function decidedOnWords(facts: DecisionFacts): string {
  return formatIndiaDate(facts.decidedOn);
}

/** The contributor's list of proposals, at this one. */
export function submissionLink(facts: DecisionFacts): Block {
  return {
    kind: "link",
    label: "Your proposals",
    href: siteLink(facts.origin, `/account/submissions#submission-${facts.submissionId}`),
  };
}

/** The form to edit this proposal and send it again. */
export function resubmitLink(facts: DecisionFacts): Block {
  return {
    kind: "link",
    label: "Edit and send it again",
    href: siteLink(facts.origin, submitPath(facts.recordType, facts.submissionId)),
  };
}

export const DECISION_FOOTER = "You receive this because you sent this proposal to the tracker.";

/** Subject, both parts and headers of a letter; the subject names the proposal's title. */
export function decisionMail(
  kind: MailKind,
  subjectLead: string,
  facts: DecisionFacts,
  letter: Letter,
): RenderedMail {
  return letterMail(kind, `${subjectLead}: ${facts.title}`, letter);
}
