import { describe, expect, it } from "vitest";
import { downloadName, servedAs } from "./serve";

describe("servedAs: an archived response is never sent as a live page", () => {
  it.each([
    ["text/html; charset=ISO-8859-1", false, "text/html; charset=iso-8859-1", "inline"],
    ["text/html", true, "text/plain; charset=utf-8", "inline"],
    ["application/xhtml+xml", false, "text/plain; charset=utf-8", "inline"],
    ["image/svg+xml", false, "text/plain; charset=utf-8", "inline"],
    ["application/json", false, "text/plain; charset=utf-8", "inline"],
    [null, false, "text/plain; charset=utf-8", "inline"],
    ["image/png", false, "image/png", "inline"],
    ["application/pdf", false, "application/octet-stream", "attachment"],
    ['text/html; charset="><script>', false, "text/html; charset=utf-8", "inline"],
  ])("%s (as text: %s)", (stored, asText, contentType, disposition) => {
    expect(servedAs(stored, { asText })).toEqual({ contentType, disposition });
  });

  it("names downloads with nothing a header could be broken by", () => {
    expect(downloadName(3, 9, '.warc.gz"; x')).toBe("source-3-capture-9.warc.gzx");
  });
});
