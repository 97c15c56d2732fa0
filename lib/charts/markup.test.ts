import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { HOSTILE_VALUES } from "@/lib/testing/hostile-corpus";
import { escapeAttribute, escapeText, fragment, h, toHtml } from "./markup";

describe("escapeText and escapeAttribute", () => {
  it.each([
    ["plain", "Smartphones", "Smartphones", "Smartphones"],
    [
      "markup",
      "<script>alert(1)</script>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    ],
    ["entities stay literal", "R&amp;D", "R&amp;amp;D", "R&amp;amp;D"],
    ["quotes", `a "b" 'c'`, `a "b" 'c'`, "a &quot;b&quot; &#39;c&#39;"],
    ["control characters", "a\u0000b\u0007c", "a\ufffdb\ufffdc", "a\ufffdb\ufffdc"],
    ["tab and newline kept", "a\tb\nc", "a\tb\nc", "a\tb\nc"],
    ["lone surrogate", "x\ud800y", "x\ufffdy", "x\ufffdy"],
    ["emoji and Devanagari kept", "📱 मोबाइल", "📱 मोबाइल", "📱 मोबाइल"],
  ])("%s", (_, input, text, attribute) => {
    expect(escapeText(input)).toBe(text);
    expect(escapeAttribute(input)).toBe(attribute);
  });
});

describe("h", () => {
  it("builds elements, skipping absent attributes and children", () => {
    const m = h(
      "a",
      { href: "/commitments?category=A&status=b", class: undefined },
      h("title", {}, "A"),
      null,
      false,
    );
    expect(toHtml(m)).toBe('<a href="/commitments?category=A&amp;status=b"><title>A</title></a>');
  });

  it("closes an element without children in itself, as HTML reads it inside <svg> and XML does", () => {
    expect(toHtml(h("rect", { x: 1, fill: "#fff" }))).toBe('<rect x="1" fill="#fff"/>');
    expect(toHtml(h("g", {}, null, "", fragment([])))).toBe("<g/>");
    expect(toHtml(h("text", {}, 0))).toBe("<text>0</text>");
  });

  it("escapes a string child even when it looks like markup", () => {
    expect(toHtml(h("text", {}, "<g onload=alert(1)>"))).toBe("<text>&lt;g onload=alert(1)&gt;</text>");
    expect(toHtml(fragment(["<b>", h("b", {}, 1)]))).toBe("&lt;b&gt;<b>1</b>");
  });

  it.each(["script onload", "a>", 'x"', "", "1a"])("refuses the name %j", (name) => {
    expect(() => h(name, {})).toThrow(/Not a markup name/);
    expect(() => h("g", { [name]: 1 })).toThrow(/Not a markup name/);
  });

  it("keeps every hostile value as the text and attribute it was, in well-formed XML", () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      parseTagValue: false,
      trimValues: false,
      processEntities: true,
      htmlEntities: true,
    });
    for (const { value } of HOSTILE_VALUES) {
      const sample = value.slice(0, 5000);
      const xml = toHtml(h("svg", { "aria-label": sample }, h("title", {}, sample)));
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = parser.parse(xml).svg;
      const expected = sample
        .replace(
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          "\ufffd",
        )
        // Every parser of the page (HTML's, and XML's for the download) reads CR LF as LF.
        .replace(/\r\n?/g, "\n");
      expect(parsed["aria-label"]).toBe(expected);
      expect(String(parsed.title ?? "")).toBe(expected);
    }
  });
});
