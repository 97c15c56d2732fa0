import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { dependantsOf, proposalsWaitedFor } from "../queries/pending-references";
import { commitments, companies, facilities } from "../schema";
import {
  addUser,
  approve,
  commitmentForm,
  eventsOf,
  propose,
  seededDatabasePerTest,
  submissionRow,
  testSource,
  TEST_TODAY as TODAY,
} from "../testing/fixtures";
import { createSubmission } from "./create-submission";
import { decideSubmission } from "./decide-submission";
import { resubmitSubmission } from "./resubmit-submission";
import { withdrawSubmission } from "./withdraw-submission";
import { failureWords } from "@/lib/messages/mutation-failures";

// A new company and what names it, proposed in one sitting (issue 12): the same person's open
// company proposal counts as a reference; the reviewer approves in order; rejecting the company
// sends its dependants back with the reason.

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

const acme = (over: Record<string, unknown> = {}) => ({
  slug: "acme-audio",
  name: "Acme Audio",
  kind: "brand",
  hq_country: "IN",
  website: "",
  description: "",
  sources: [testSource(7)],
  ...over,
});
const acmeCommitment = () => commitmentForm({ company: "acme-audio", title: "Make speakers in Noida" });
const acmeFacility = () => ({
  operator: "acme-audio",
  name: "Acme speaker plant",
  city: "Noida",
  state_code: "IN-UP",
  stage: "announced",
  investment_amount: "",
  investment_currency: "",
  announced_on: "",
  sources: [testSource(8)],
});

describe("a proposal naming the same person's company proposal", () => {
  it("is accepted, and waits for the company", () => {
    const company = propose(db, contributor, "company", acme());
    const commitment = propose(db, contributor, "commitment", acmeCommitment());
    const facility = propose(db, contributor, "facility", acmeFacility());
    expect(proposalsWaitedFor(db, submissionRow(db, commitment))).toEqual([
      { field: "company", slug: "acme-audio", submissionId: company },
    ]);
    expect(proposalsWaitedFor(db, submissionRow(db, facility))).toEqual([
      { field: "operator", slug: "acme-audio", submissionId: company },
    ]);
    expect(dependantsOf(db, submissionRow(db, company))).toEqual([commitment, facility]);
  });

  it("is refused to anyone else, with words that say what to do", () => {
    propose(db, contributor, "company", acme());
    const other = addUser(db, "contributor");
    const result = createSubmission(db, {
      userId: other,
      recordType: "commitment",
      action: "create",
      payload: acmeCommitment(),
    });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.ok ? null : result.fieldErrors?.company).toBe(
      "No published company has the short name “acme-audio”, and you have not proposed one. Propose the company first; this can then refer to it while both wait for review.",
    );
  });

  it("cannot be approved before the company, and is published with it after", () => {
    const company = propose(db, contributor, "company", acme());
    const commitment = propose(db, contributor, "commitment", acmeCommitment());

    const early = decideSubmission(db, {
      id: commitment,
      reviewerId: reviewer,
      decision: "approve",
      today: TODAY,
    });
    expect(early).toMatchObject({
      ok: false,
      code: "invalid_state",
      problem: "waiting_for_proposal",
      submissionId: company,
      slug: "acme-audio",
    });
    expect(early.ok ? "" : failureWords(early).message).toBe(
      `This names the company “acme-audio”, proposed in submission ${company} and not yet approved: decide on that first.`,
    );
    expect(submissionRow(db, commitment).state).toBe("pending");

    const companyId = approve(db, company, reviewer);
    expect(proposalsWaitedFor(db, submissionRow(db, commitment))).toEqual([]);
    const commitmentId = approve(db, commitment, reviewer);
    expect(db.select().from(commitments).where(eq(commitments.id, commitmentId)).get()?.companyId).toBe(
      companyId,
    );
  });

  it("is sent back with the reason when the company is rejected; others' proposals are untouched", () => {
    const company = propose(db, contributor, "company", acme());
    const commitment = propose(db, contributor, "commitment", acmeCommitment());
    const facility = propose(db, contributor, "facility", acmeFacility());
    const unrelated = propose(db, contributor, "commitment", commitmentForm({ title: "Xiaomi earbuds" }));

    const rejected = decideSubmission(db, {
      id: company,
      reviewerId: reviewer,
      decision: "reject",
      reason: "Acme Audio is a brand of Xiaomi, already in the tracker.",
      today: TODAY,
    });
    expect(rejected).toEqual({ ok: true });
    const why = `The company “acme-audio” it names (submission ${company}) was rejected: Acme Audio is a brand of Xiaomi, already in the tracker.`;
    for (const id of [commitment, facility]) {
      expect(submissionRow(db, id)).toMatchObject({
        state: "changes_requested",
        decisionReason: why,
        reviewerId: reviewer,
      });
      expect(eventsOf(db, id).at(-1)).toMatchObject({
        event: "changes_requested",
        reason: why,
        actorId: reviewer,
      });
    }
    expect(submissionRow(db, unrelated).state).toBe("pending");
    expect(db.select().from(companies).where(eq(companies.slug, "acme-audio")).get()).toBeUndefined();
    expect(
      db.select().from(facilities).where(eq(facilities.name, "Acme speaker plant")).get(),
    ).toBeUndefined();

    // The contributor names a published company instead, and the proposal goes back for review.
    const again = resubmitSubmission(db, {
      id: commitment,
      userId: contributor,
      payload: { ...acmeCommitment(), company: "xiaomi" },
    });
    expect(again).toMatchObject({ ok: true });
    expect(submissionRow(db, commitment).state).toBe("pending");
  });

  it("counts a company proposal sent back for changes, but not a withdrawn or rejected one", () => {
    const proposeNaming = (title: string) =>
      createSubmission(db, {
        userId: contributor,
        recordType: "commitment",
        action: "create",
        payload: commitmentForm({ company: "acme-audio", title }),
      });
    const sentBack = propose(db, contributor, "company", acme());
    decideSubmission(db, {
      id: sentBack,
      reviewerId: reviewer,
      decision: "request_changes",
      reason: "Add the website.",
      today: TODAY,
    });
    expect(proposeNaming("While it is sent back")).toMatchObject({ ok: true });

    expect(withdrawSubmission(db, { id: sentBack, userId: contributor })).toMatchObject({ ok: true });
    expect(proposeNaming("After it was withdrawn")).toMatchObject({ ok: false, code: "invalid" });

    const rejected = propose(db, contributor, "company", acme({ name: "Acme Audio India" }));
    decideSubmission(db, {
      id: rejected,
      reviewerId: reviewer,
      decision: "reject",
      reason: "No.",
      today: TODAY,
    });
    expect(proposeNaming("After it was rejected")).toMatchObject({ ok: false, code: "invalid" });
  });
});
