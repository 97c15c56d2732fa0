import { describe, expect, it } from "vitest";
import { checkOutcomeKind, shortHash, sourceArchiveView, type SourceArchiveFacts } from "./source-state";

const A = "a".repeat(64);
const B = "b".repeat(64);

const TEXT_A = "1".repeat(64);
const TEXT_B = "2".repeat(64);

describe("checkOutcomeKind", () => {
  const fetched = (sha256: string, textSha256: string | null, status = 200) =>
    ({ ok: true, status, sha256, textSha256 }) as const;
  const copy = (sha256: string, textSha256: string | null) => ({ sha256, textSha256 });
  it.each([
    ["same body as archived", fetched(A, TEXT_A), copy(A, TEXT_A), "ok"],
    ["hash compared without regard to case", fetched(A.toUpperCase(), TEXT_A), copy(A, TEXT_A), "ok"],
    ["other bytes, same words", fetched(B, TEXT_A), copy(A, TEXT_A), "ok"],
    ["other bytes, same words, in upper case", fetched(B, TEXT_A.toUpperCase()), copy(A, TEXT_A), "ok"],
    ["other words", fetched(B, TEXT_B), copy(A, TEXT_A), "changed"],
    // An extraction that changed between archive and check must not flag a page served byte for byte.
    ["same bytes, the text hashed differently", fetched(A, TEXT_B), copy(A, TEXT_A), "ok"],
    ["a copy from before text hashes, other bytes", fetched(B, TEXT_A), copy(A, null), "changed"],
    ["a copy from before text hashes, same bytes", fetched(A, TEXT_A), copy(A, null), "ok"],
    ["a file without text, other bytes", fetched(B, null), copy(A, null), "changed"],
    ["a file without text, same bytes", fetched(A, null), copy(A, null), "ok"],
    ["a page that lost its text (now built by script)", fetched(B, null), copy(A, TEXT_A), "changed"],
    ["nothing archived to compare with", fetched(B, TEXT_B), null, "ok"],
    ["an error status", fetched(A, TEXT_A, 410), copy(A, TEXT_A), "unreachable"],
    [
      "a failed fetch",
      { ok: false, code: "http_status", status: 404 } as const,
      copy(A, TEXT_A),
      "unreachable",
    ],
    ["a refused address", { ok: false, code: "refused" } as const, null, "unreachable"],
  ])("%s", (_, check, archived, expected) => {
    expect(checkOutcomeKind(check, archived)).toBe(expected);
  });
});

const BASE: SourceArchiveFacts = {
  sourceId: 7,
  archived: null,
  latestCapture: null,
  latestCheck: null,
  unreachableSince: null,
  changedSince: null,
};
const COPY = { id: 3, fetchedAt: "2026-11-24T20:00:00.000Z", sha256: A };

describe("sourceArchiveView", () => {
  it.each<[string, Partial<SourceArchiveFacts>, object]>([
    ["never captured", {}, { archived: null, notArchivedReason: null, link: null }],
    [
      "queued, not tried yet",
      { latestCapture: { id: 1, state: "queued", failureReason: null } },
      { archived: null, notArchivedReason: null },
    ],
    [
      "failed",
      { latestCapture: { id: 1, state: "failed", failureReason: "could not resolve example.in" } },
      { archived: null, notArchivedReason: "could not resolve example.in" },
    ],
    [
      "archived, a later capture failed: the copy stands",
      { archived: COPY, latestCapture: { id: 4, state: "failed", failureReason: "timed out" } },
      {
        archived: {
          captureId: 3,
          sha256: A,
          viewPath: "/sources/7/archive/3",
          warcPath: "/sources/7/archive/3/warc",
        },
        notArchivedReason: null,
      },
    ],
    [
      "broken link",
      {
        archived: COPY,
        latestCheck: { outcome: "unreachable", comparedCaptureId: null, reason: "404" },
        unreachableSince: "2026-11-25T00:00:00.000Z",
      },
      { link: { state: "broken", since: "2026-11-25T00:00:00.000Z", reason: "404" } },
    ],
    [
      "changed against the copy shown",
      {
        archived: COPY,
        latestCheck: { outcome: "changed", comparedCaptureId: 3, reason: null },
        changedSince: "2026-11-26T00:00:00.000Z",
      },
      { link: { state: "changed", since: "2026-11-26T00:00:00.000Z" } },
    ],
    [
      "changed against an older copy says nothing about this one",
      {
        archived: COPY,
        latestCheck: { outcome: "changed", comparedCaptureId: 2, reason: null },
        changedSince: "2026-11-26T00:00:00.000Z",
      },
      { link: null },
    ],
  ])("%s", (_, facts, expected) => {
    expect(sourceArchiveView({ ...BASE, ...facts })).toMatchObject(expected);
  });

  it("shortens a hash to its first 12 hex digits", () => {
    expect(shortHash("0123456789abcdef".repeat(4))).toBe("0123456789ab");
  });
});
