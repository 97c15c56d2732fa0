import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { partnerships } from "../schema";
import { companyIdForSlug } from "./facilities";
import { allPartnerships, listPartnerships } from "./partnerships";
import { directoryCsv, PARTNERSHIP_CSV_COLUMNS, partnershipJson } from "@/lib/api/directory-json";
import { tempDatabase } from "@/lib/testing/temp-db";

const PAGE = { page: 1, perPage: 25 };
let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = tempDatabase());
});
afterAll(() => cleanup());

describe("listPartnerships", () => {
  it("finds the Xiaomi–Optiemus partnership from either company", () => {
    for (const slug of ["xiaomi", "optiemus-electronics"]) {
      const result = listPartnerships(db, { companyId: companyIdForSlug(db, slug)! }, PAGE);
      expect(result.total, slug).toBe(1);
      expect(result.items[0]).toMatchObject({
        brand: { slug: "xiaomi", name: "Xiaomi" },
        partner: { slug: "optiemus-electronics", name: "Optiemus Electronics Limited" },
        productCategories: ["Wireless audio"],
        announcedOn: "2023-05-29",
        stage: "announced",
        facility: { name: "Optiemus Electronics factory, Noida", city: "Noida", state: { code: "IN-UP" } },
      });
    }
    expect(listPartnerships(db, { companyId: companyIdForSlug(db, "tesla")! }, PAGE).total).toBe(0);
  });

  it("gives snake_case JSON with both companies and the sources", () => {
    const [p] = listPartnerships(db, {}, PAGE).items;
    const json = partnershipJson(p!);
    expect(json.brand).toEqual({ slug: "xiaomi", name: "Xiaomi", url: "/companies/xiaomi" });
    expect(json.product_categories).toEqual(["Wireless audio"]);
    expect(json.facility?.state).toEqual({ code: "IN-UP", name: "Uttar Pradesh", recorded_code: "IN-UP" });
    expect(json.sources.map((s) => s.published_on)).toEqual(["2023-05-29", "2023-05-29"]);
  });
});

describe("partnerships CSV", () => {
  it("has a row per partnership, including withdrawn ones, with formula-like text escaped", () => {
    const t = tempDatabase();
    try {
      t.db
        .insert(partnerships)
        .values({
          brandCompanyId: companyIdForSlug(t.db, "tesla")!,
          partnerCompanyId: companyIdForSlug(t.db, "foxconn")!,
          productCategories: ["=SUM(1,2)", "Batteries"],
          stage: "ended",
          withdrawnOn: "2026-05-05",
          withdrawnReason: "Never agreed",
        })
        .run();
      const rows = allPartnerships(t.db, {});
      expect(rows).toHaveLength(2);
      const lines = directoryCsv(rows, PARTNERSHIP_CSV_COLUMNS, {
        title: "Partnerships",
        url: "http://localhost/api/v1/partnerships.csv",
        retrievedOn: "2026-11-25",
      }).split("\r\n");
      expect(lines[1]).toBe(
        "id,brand_slug,brand_name,partner_slug,partner_name,product_categories,facility_name,facility_state_code,announced_on,stage,withdrawn_on,withdrawn_reason,source_urls",
      );
      // Dated before undated; the undated, withdrawn one is last and still there.
      expect(lines[2]).toMatch(
        /^1,xiaomi,Xiaomi,optiemus-electronics,Optiemus Electronics Limited,Wireless audio,"Optiemus Electronics factory, Noida",IN-UP,2023-05-29,announced,,,https:/,
      );
      expect(lines[3]).toBe(
        '2,tesla,Tesla,foxconn,Foxconn,"\'=SUM(1,2) | Batteries",,,,ended,2026-05-05,Never agreed,',
      );
    } finally {
      t.cleanup();
    }
  });
});
