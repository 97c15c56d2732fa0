import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";

const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
}

test.describe("deadlines calendar", () => {
  test("holds Xiaomi's deadline on 31 Dec 2025 as an all-day event, with a stable UID", async ({
    request,
  }) => {
    const response = await request.get("/api/v1/deadlines.ics?company=xiaomi");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe('inline; filename="deadlines.ics"');
    expect(response.headers()["access-control-allow-origin"]).toBe("*");

    const events = vevents(await response.text());
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.summary).toContain("Xiaomi");
    expect(event.summary).toContain(XIAOMI_TARGET);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2025-12-31");
    expect(event.description).toContain("Status: Overdue, unverified");
    expect(event.description).toContain("Deadline: by 2025");
    const url = String(events[0]!.getFirstPropertyValue("url"));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/commitments\/\d+$/);

    const again = vevents(await (await request.get("/api/v1/deadlines.ics?company=xiaomi")).text());
    expect(again[0]!.getFirstPropertyValue("uid")).toBe(event.uid);
    expect(event.uid).toMatch(/^commitment-\d+@/);
  });

  test("takes the explorer's filters", async ({ request }) => {
    const all = vevents(await (await request.get("/api/v1/deadlines.ics")).text());
    // Only Xiaomi's target has a deadline among the seed facts; the others name none.
    expect(all.map((e) => String(e.getFirstPropertyValue("summary")))).toEqual([
      `Deadline: Xiaomi — ${XIAOMI_TARGET}`,
    ]);
    expect(vevents(await (await request.get("/api/v1/deadlines.ics?company=tesla")).text())).toHaveLength(0);
    expect(vevents(await (await request.get("/api/v1/deadlines.ics?state=IN-UP")).text())).toHaveLength(0);
    expect(
      vevents(await (await request.get("/api/v1/deadlines.ics?status=overdue_unverified")).text()),
    ).toHaveLength(1);
  });

  test("answers a bad filter with 400 and names it", async ({ request }) => {
    for (const [query, parameter] of [
      ["state=IN-XX", "state"],
      ["status=late", "status"],
      ["colour=red", "colour"],
    ] as const) {
      const response = await request.get(`/api/v1/deadlines.ics?${query}`);
      expect(response.status(), query).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "invalid_parameter", parameter });
    }
  });

  test("is linked from the company page", async ({ page }) => {
    await page.goto("/companies/xiaomi");
    await expect(page.getByRole("link", { name: "Subscribe to this company's deadlines" })).toHaveAttribute(
      "href",
      "/api/v1/deadlines.ics?company=xiaomi",
    );
  });
});

// With attributes kept, an element that has one (<title type="text">) parses as an object.
type Text = string | { "#text": string };
const text = (t: Text) => (typeof t === "string" ? t : t["#text"]);
type AtomEntry = { id: string; title: Text; link: { "@_href": string }; summary: Text };

async function atom(request: APIRequestContext, query = "") {
  const response = await request.get(`/api/v1/changes.atom${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(
    xml,
  ).feed;
  return { feed, entries: (feed.entry ?? []) as AtomEntry[] };
}

test.describe("changes feed", () => {
  test("is valid Atom with the published changes, newest first", async ({ request }) => {
    const { feed, entries } = await atom(request);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    // One revision per seeded record (other suites may publish more while this one runs).
    expect(entries.length).toBeGreaterThanOrEqual(12);
    expect(entries.length).toBeLessThanOrEqual(100);
    for (const e of entries) {
      expect(e.id).toMatch(/^tag:127\.0\.0\.1,2026:revision\/\d+$/);
      expect(e.link["@_href"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
    const ids = entries.map((e) => Number(e.id.split("/").at(-1)));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(entries.map((e) => text(e.title))).toContain(`Commitment: ${XIAOMI_TARGET}`);
  });

  test("narrows to a company's records", async ({ request }) => {
    const { feed, entries } = await atom(request, "?company=xiaomi");
    expect(text(feed.subtitle)).toContain("company xiaomi");
    const titles = entries.map((e) => text(e.title));
    expect(titles).toContain("Company: Xiaomi");
    expect(titles).toContain(`Commitment: ${XIAOMI_TARGET}`);
    expect(titles).toContain("Partnership: Xiaomi and Optiemus Electronics Limited");
    expect(titles).not.toContain("Company: Tesla");
  });

  test("answers a parameter it does not take with 400", async ({ request }) => {
    const response = await request.get("/api/v1/changes.atom?status=behind");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "status" });
  });
});
