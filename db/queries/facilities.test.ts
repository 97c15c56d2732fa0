import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { facilities, facilitySources, sources } from "../schema";
import { companyIdForSlug, escapeLike, exportFacilities, listFacilities } from "./facilities";
import { directoryCsv, FACILITY_CSV_COLUMNS, facilityJson } from "@/lib/api/directory-json";
import { tempDatabase } from "@/lib/testing/temp-db";

const PAGE = { page: 1, perPage: 25 };
let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = tempDatabase());
});
afterAll(() => cleanup());

const names = (filter: Parameters<typeof listFacilities>[1]) =>
  listFacilities(db, filter, PAGE).items.map((f) => f.name);

describe("listFacilities", () => {
  it("lists every facility by name, with state names and sources", () => {
    const result = listFacilities(db, {}, PAGE);
    expect(result.total).toBe(2);
    expect(result.items.map((f) => [f.name, f.state.name])).toEqual([
      ["Foxconn land on the outskirts of Bengaluru", "Karnataka"],
      ["Optiemus Electronics factory, Noida", "Uttar Pradesh"],
    ]);
    for (const f of result.items) expect(f.sources.length).toBeGreaterThanOrEqual(1);
  });

  it("filters by state, operator and stage, together or alone", () => {
    const foxconn = companyIdForSlug(db, "foxconn") ?? undefined;
    expect(names({ state: "IN-UP" })).toEqual(["Optiemus Electronics factory, Noida"]);
    expect(names({ state: "IN-TN" })).toEqual([]);
    expect(names({ companyId: foxconn })).toEqual(["Foxconn land on the outskirts of Bengaluru"]);
    expect(names({ stage: "operational" })).toEqual(["Optiemus Electronics factory, Noida"]);
    expect(names({ state: "IN-KA", companyId: foxconn, stage: "land_acquired" })).toHaveLength(1);
    expect(names({ state: "IN-KA", stage: "operational" })).toEqual([]);
  });

  it("gives the investment as recorded, and formatted for India in JSON", () => {
    const [land] = listFacilities(db, { state: "IN-KA" }, PAGE).items;
    expect(facilityJson(land!)).toMatchObject({
      state: { code: "IN-KA", name: "Karnataka", recorded_code: "IN-KA" },
      stage: "land_acquired",
      investment: { amount: 37_000_000, currency: "USD", label: "US$3,70,00,000 (US$3.7 crore)" },
      withdrawn: null,
    });
  });
});

describe("companyIdForSlug", () => {
  it("finds a company by slug, or nothing", () => {
    expect(companyIdForSlug(db, "xiaomi")).toEqual(expect.any(Number));
    expect(companyIdForSlug(db, "nobody")).toBeNull();
  });
});

describe("escapeLike", () => {
  it.each([
    ["plain", "plain"],
    ["100%", "100\\%"],
    ["a_b", "a\\_b"],
    ["back\\slash", "back\\\\slash"],
  ])("%j → %j", (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });
});

describe("facilities CSV", () => {
  it("exports every matching facility, withdrawn ones marked, formula-like text escaped", () => {
    const t = tempDatabase();
    try {
      const foxconn = companyIdForSlug(t.db, "foxconn")!;
      const { id } = t.db
        .insert(facilities)
        .values({
          operatorCompanyId: foxconn,
          name: "=cmd|' /C calc'!A0",
          city: "@Hosur",
          stateCode: "IN-TN",
          stage: "announced",
          withdrawnOn: "2026-02-01",
          withdrawnReason: "-reported in error",
        })
        .returning({ id: facilities.id })
        .get();
      const source = t.db
        .insert(sources)
        .values({ url: "https://example.com/hosur", title: "Hosur", publisher: "Example", kind: "news" })
        .returning({ id: sources.id })
        .get();
      t.db.insert(facilitySources).values({ recordId: id, sourceId: source.id }).run();

      const rows = exportFacilities(t.db, { companyId: foxconn });
      expect(rows).toHaveLength(2);
      const csv = directoryCsv(rows, FACILITY_CSV_COLUMNS, {
        title: "Facilities",
        url: "http://localhost/api/v1/facilities.csv?company=foxconn",
        retrievedOn: "2026-11-25",
      });
      const lines = csv.split("\r\n");
      expect(lines[0]).toContain(
        "http://localhost/api/v1/facilities.csv?company=foxconn, retrieved 2026-11-25",
      );
      expect(lines[1]).toBe(
        "id,name,operator_slug,operator_name,city,state_code,state_name,recorded_state_code,stage,investment_amount,investment_currency,announced_on,withdrawn_on,withdrawn_reason,source_urls",
      );
      expect(lines).toHaveLength(2 + 2 + 1);
      expect(lines[2]).toBe(
        `${id},'=cmd|' /C calc'!A0,foxconn,Foxconn,'@Hosur,IN-TN,Tamil Nadu,IN-TN,announced,,,,2026-02-01,'-reported in error,https://example.com/hosur`,
      );
      expect(lines[3]).toMatch(
        /^\d+,Foxconn land on the outskirts of Bengaluru,foxconn,Foxconn,Bengaluru,IN-KA,Karnataka,IN-KA,land_acquired,37000000,USD,,,,https:\/\//,
      );
    } finally {
      t.cleanup();
    }
  });

  it("keeps withdrawn facilities in lists, marked", () => {
    const t = tempDatabase();
    try {
      t.db
        .update(facilities)
        .set({ withdrawnOn: "2026-03-01", withdrawnReason: "Sold" })
        .where(eq(facilities.city, "Noida"))
        .run();
      expect(listFacilities(t.db, { state: "IN-UP" }, PAGE).items[0]).toMatchObject({
        withdrawnOn: "2026-03-01",
        withdrawnReason: "Sold",
      });
    } finally {
      t.cleanup();
    }
  });
});
