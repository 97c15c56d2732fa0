import { describe, expect, it } from "vitest";
import { checkOutcomeKind, shortHash, sourceArchiveView, type SourceArchiveFacts } from "./source-state";

const A = "a".repeat(64);
const B = "b".repeat(64);

describe("checkOutcomeKind", () => {
  it.each([
    ["same body as archived", { ok: true, status: 200, sha256: A } as const, A, "ok"],
    [
      "hash compared without regard to case",
      { ok: true, status: 200, sha256: A.toUpperCase() } as const,
      A,
      "ok",
    ],
    ["different body", { ok: true, status: 200, sha256: B } as const, A, "changed"],
    ["nothing archived to compare with", { ok: true, status: 200, sha256: B } as const, null, "ok"],
    ["an error status", { ok: true, status: 410, sha256: A } as const, A, "unreachable"],
    ["a failed fetch", { ok: false, code: "http_status", status: 404 } as const, A, "unreachable"],
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
