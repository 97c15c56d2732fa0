import { describe, expect, it } from "vitest";
import { describeRecord, diffRecords, summariseChanges, type FieldChange } from "./diff";

const source = (url: string, title = "Report") => ({
  url,
  title,
  publisher: "P",
  kind: "news",
  published_on: "2023-05-29",
  excerpt: "E",
});

const xiaomi = {
  company: "xiaomi",
  title: "50 per cent increase in the production of locally sourced components by 2025",
  description: "Xiaomi targets a 50 per cent increase.",
  metric: "local_production_increase",
  unit: "percent",
  direction: "increase",
  baseline_value: 0,
  baseline_date: "2023-05-29",
  target_value: 50,
  deadline_precision: "year",
  deadline: "2025",
  due_on: "2025-12-31",
  scheme: "make_in_india",
  evidence_grade: "announced",
  announced_on: "2023-05-29",
  categories: ["Components"],
  states: [],
  sources: [source("https://a.example/1"), source("https://b.example/2")],
};

describe("diffRecords", () => {
  it.each<[string, Record<string, unknown>, Partial<FieldChange>[]]>([
    ["nothing", {}, []],
    ["a number", { target_value: 60 }, [{ key: "target_value", before: "50", after: "60" }]],
    ["a number sent as text, unchanged", { target_value: "50" }, []],
    ["a large number, grouped for India", { target_value: 12_500_000 }, [{ after: "1,25,00,000" }]],
    [
      "a choice, shown by its label",
      { evidence_grade: "verified_outcome" },
      [{ before: "Announced", after: "Verified outcome" }],
    ],
    ["a date", { announced_on: "2023-06-01" }, [{ before: "29 May 2023", after: "1 Jun 2023" }]],
    [
      "blank and null are the same",
      { description: "Xiaomi targets a 50 per cent increase.", scheme: "make_in_india", states: null },
      [],
    ],
    ["cleared to nothing", { scheme: null }, [{ key: "scheme", before: "Make in India", after: "—" }]],
    [
      "the deadline, from due date and precision together",
      { due_on: "2026-09-30", deadline_precision: "quarter", deadline: "2026-Q3" },
      [{ key: "deadline", before: "2025", after: "Q3 2026" }],
    ],
    [
      "the deadline removed",
      { due_on: null, deadline_precision: null, deadline: null },
      [{ before: "2025", after: "—" }],
    ],
    ["list order means nothing", { categories: ["Components"], states: [] }, []],
    [
      "a list",
      { categories: ["Wireless audio", "Components"], states: ["IN-UP"] },
      [
        { key: "categories", added: ["Wireless audio"], removed: [] },
        { key: "states", added: ["IN-UP"], removed: [], before: "—", after: "IN-UP" },
      ],
    ],
    ["sources reordered", { sources: [source("https://b.example/2"), source("https://a.example/1")] }, []],
    // A source already published is reused as it stands, so only its address counts.
    [
      "a source's title",
      { sources: [source("https://a.example/1", "New title"), source("https://b.example/2")] },
      [],
    ],
    [
      "a source replaced",
      { sources: [source("https://a.example/1"), source("https://c.example/3")] },
      [{ key: "sources", added: ["https://c.example/3"], removed: ["https://b.example/2"] }],
    ],
  ])("%s", (_name, change, expected) => {
    const changes = diffRecords("commitment", xiaomi, { ...xiaomi, ...change });
    expect(changes).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(changes[i]).toMatchObject(e));
  });

  it("compares the fields of every record type", () => {
    expect(
      diffRecords(
        "facility",
        {
          operator: "foxconn",
          name: "Land",
          stage: "land_acquired",
          investment_amount: 37_000_000,
          investment_currency: "USD",
        },
        {
          operator: "foxconn",
          name: "Land",
          stage: "under_construction",
          investment_amount: 37_000_000,
          investment_currency: "USD",
        },
      ),
    ).toMatchObject([{ label: "Stage", before: "Land acquired", after: "Under construction" }]);
    expect(
      diffRecords("progress_update", { commitment_id: 1, value: 10 }, { commitment_id: 1, value: 10.5 }),
    ).toMatchObject([{ label: "Value", before: "10", after: "10.5" }]);
  });
});

describe("summariseChanges", () => {
  const summary = (change: Record<string, unknown>) =>
    summariseChanges("commitment", diffRecords("commitment", xiaomi, { ...xiaomi, ...change }));
  it.each([
    [{ target_value: 60 }, "Changed target value from 50 to 60"],
    [
      { target_value: 60, due_on: "2026-12-31", deadline: "2026" },
      "Changed target value from 50 to 60; deadline from 2025 to 2026",
    ],
    [{ description: "Shorter." }, "Changed description"],
    [{ title: "x".repeat(80) }, "Changed title"],
    [
      { categories: [], states: ["IN-UP", "IN-KA"] },
      "Changed product categories (removed Components); states and union territories (added IN-KA, IN-UP)",
    ],
    [{ sources: [source("https://c.example/3")] }, "Changed sources (added 1 source; removed 2 sources)"],
    [
      { target_value: 60, baseline_value: 5, metric: "jobs", unit: "count", scheme: null },
      "Changed what is measured from Increase in local production to Jobs; unit from per cent to count; baseline value from 0 to 5; and 2 more fields",
    ],
    [{}, "Approved the commitment without changes"],
  ])("%o", (change, expected) => {
    expect(summary(change)).toBe(expected);
  });
});

describe("describeRecord", () => {
  it("lists every field but the sources, readably, with a dash for what is empty", () => {
    const rows = describeRecord("commitment", { ...xiaomi, scheme: null });
    expect(rows.map((r) => r.label)).not.toContain("Sources");
    expect(rows.find((r) => r.key === "deadline")?.value).toBe("2025");
    expect(rows.find((r) => r.key === "scheme")?.value).toBe("—");
    expect(rows.find((r) => r.key === "metric")?.value).toBe("Increase in local production");
  });
});
