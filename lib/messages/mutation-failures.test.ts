import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/domain/mutation-problems";
import { failureWords, problemMessage, rowErrorMessage } from "./mutation-failures";

// The words are those the mutations wrote themselves before they returned codes; the e2e specs
// and people's habits depend on them, so each is pinned here.
const WORDS: [Problem, string][] = [
  [{ problem: "signed_out" }, "Please sign in again to submit."],
  [
    { problem: "unverified_email" },
    "Confirm your email address before you propose: follow the link in the message we sent you. What you typed is kept here; send it again once the address is confirmed.",
  ],
  [{ problem: "not_reviewer", operation: "decide" }, "Only reviewers and admins can decide on submissions."],
  [
    { problem: "not_reviewer", operation: "record_outcome" },
    "Only reviewers and admins can record an outcome directly.",
  ],
  [{ problem: "not_reviewer", operation: "import" }, "Only reviewers and admins can import."],
  [
    { problem: "not_reviewer", operation: "supersede" },
    "Only reviewers and admins can mark a commitment as superseded.",
  ],
  [
    { problem: "not_submitter", operation: "withdraw" },
    "Only the person who submitted this can withdraw it.",
  ],
  [{ problem: "not_submitter", operation: "resubmit" }, "Only the person who submitted this can change it."],
  [{ problem: "own_submission" }, "You submitted this yourself: another reviewer must decide on it."],
  [{ problem: "no_submission" }, "There is no such submission."],
  [
    { problem: "submission_closed", state: "approved", operation: "withdraw" },
    "This submission is already approved; it can no longer be withdrawn.",
  ],
  [
    { problem: "submission_closed", state: "pending", operation: "resubmit" },
    "This submission is waiting for review; only one sent back for changes can be resubmitted.",
  ],
  [
    { problem: "submission_closed", state: "changes_requested", operation: "decide" },
    "This submission is waiting for your changes.",
  ],
  [{ problem: "target_given", recordType: "company" }, "A new company cannot name an existing record."],
  [
    { problem: "target_missing", recordType: "commitment", action: "change" },
    "Say which commitment this changes.",
  ],
  [
    { problem: "target_missing", recordType: "facility", action: "withdraw" },
    "Say which facility this withdraws.",
  ],
  [{ problem: "no_record", recordType: "commitment", id: 12 }, "There is no published commitment number 12."],
  [
    { problem: "record_withdrawn", recordType: "commitment", withdrawnOn: "2026-11-20" },
    "This commitment was withdrawn on 2026-11-20; it can no longer change.",
  ],
  [
    { problem: "unchanged", recordType: "commitment" },
    "This is the same as the published commitment: change at least one field.",
  ],
  [{ problem: "fields" }, "Some fields need attention."],
  [
    { problem: "reason_required", decision: "reject" },
    "Say why the submission is rejected: the contributor reads it.",
  ],
  [
    { problem: "reason_required", decision: "request_changes" },
    "Say what needs to change: the contributor reads it.",
  ],
  [{ problem: "reason_too_long", max: 2000 }, "Keep the reason to at most 2,000 characters."],
  [
    { problem: "conflict", recordType: "commitment" },
    "The published commitment has changed since this was proposed. Compare the two, then reject or request changes so that the contributor can propose again against the current version.",
  ],
  [
    { problem: "not_publishable", cause: { problem: "unchanged", recordType: "company" } },
    "This proposal cannot be published as it stands: This is the same as the published company: change at least one field.",
  ],
  [{ problem: "rows", problems: 1, rows: 1 }, "1 problem in 1 row: nothing was imported."],
  [{ problem: "rows", problems: 3, rows: 2 }, "3 problems in 2 rows: nothing was imported."],
  [{ problem: "changed_by_row", id: 7, earlierRow: 3 }, "Commitment 7 is already changed by row 3."],
  [{ problem: "same_as_row", earlierRow: 2 }, "Row 2 has the same company, title and deadline."],
  [{ problem: "no_commitment", id: 99999 }, "There is no commitment number 99999."],
  [{ problem: "already_superseded", by: 4 }, "This commitment is already superseded by commitment 4."],
  [
    { problem: "supersedes_itself" },
    "A commitment cannot supersede itself: give the restated commitment's number.",
  ],
  [{ problem: "replacement_withdrawn", id: 5 }, "Commitment 5 was withdrawn; it cannot restate another."],
  [
    { problem: "replacement_superseded", id: 5, by: 6 },
    "Commitment 5 is itself superseded by commitment 6: link to the current one.",
  ],
  [{ problem: "supersession_loop", id: 5 }, "Commitment 5 already leads back to this one."],
];

describe("problemMessage", () => {
  it.each(WORDS)("words %j", (problem, words) => {
    expect(problemMessage(problem)).toBe(words);
  });

  it("names the fields that make a proposal unpublishable, when fields do", () => {
    const cause: Problem = { problem: "fields" };
    expect(
      problemMessage(
        { problem: "not_publishable", cause },
        { title: "Title is required", due_on: "Too late" },
      ),
    ).toBe("This proposal cannot be published as it stands: title: Title is required; due_on: Too late");
  });
});

describe("failureWords", () => {
  it("shows a problem about one field beside it, under the general summary", () => {
    expect(failureWords({ problem: "supersedes_itself", field: "new_id" })).toEqual({
      message: "Some fields need attention.",
      errors: { new_id: "A commitment cannot supersede itself: give the restated commitment's number." },
    });
  });

  it("passes the schema's field errors through and words the rest as the summary", () => {
    expect(failureWords({ problem: "fields", fieldErrors: { title: "Title is required" } })).toEqual({
      message: "Some fields need attention.",
      errors: { title: "Title is required" },
    });
    expect(failureWords({ problem: "no_submission" })).toEqual({
      message: "There is no such submission.",
      errors: {},
    });
  });
});

describe("rowErrorMessage", () => {
  it("keeps a field's message and words a problem", () => {
    expect(rowErrorMessage({ message: "Choose what is measured" })).toBe("Choose what is measured");
    expect(rowErrorMessage({ problem: "same_as_row", earlierRow: 2 })).toBe(
      "Row 2 has the same company, title and deadline.",
    );
  });
});
