import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { companies, companySources, sources } from "../schema";
import { allCompanies, getCompany, listCompanies } from "./companies";
import { COMPANY_CSV_COLUMNS, companyDetailJson, directoryCsv } from "@/lib/api/directory-json";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
const PAGE = { page: 1, perPage: 25 };
let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = tempDatabase());
});
afterAll(() => cleanup());

function addCompany(
  target: Db,
  slug: string,
  name: string,
  extra: Partial<typeof companies.$inferInsert> = {},
) {
  const { id } = target
    .insert(companies)
    .values({ slug, name, kind: "supplier", hqCountry: "IN", ...extra })
    .returning({ id: companies.id })
    .get();
  const source = target
    .insert(sources)
    .values({
      url: `https://example.com/${slug}`,
      title: `About ${name}`,
      publisher: "Example",
      kind: "news",
    })
    .returning({ id: sources.id })
    .get();
  target.insert(companySources).values({ recordId: id, sourceId: source.id }).run();
  return id;
}

describe("listCompanies", () => {
  it("lists the seed companies by name with their counts and sources", () => {
    const result = listCompanies(db, {}, PAGE);
    expect(result.total).toBe(4);
    expect(result.items.map((c) => c.slug)).toEqual(["foxconn", "optiemus-electronics", "tesla", "xiaomi"]);
    const bySlug = new Map(result.items.map((c) => [c.slug, c]));
    expect(bySlug.get("xiaomi")?.counts).toEqual({ commitments: 2, facilities: 0, partnerships: 1 });
    expect(bySlug.get("optiemus-electronics")?.counts).toEqual({
      commitments: 0,
      facilities: 1,
      partnerships: 1,
    });
    expect(bySlug.get("foxconn")?.counts).toEqual({ commitments: 1, facilities: 1, partnerships: 0 });
    for (const c of result.items) expect(c.sources.length, c.slug).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["optiemus", ["optiemus-electronics"]],
    ["OPTIEMUS", ["optiemus-electronics"]],
    ["  xiao ", ["xiaomi"]],
    ["electronics limited", ["optiemus-electronics"]],
    ["no such company", []],
  ])("finds %j in names, ignoring case", (q, slugs) => {
    expect(listCompanies(db, { q: q.trim() }, PAGE).items.map((c) => c.slug)).toEqual(slugs);
  });

  it("pages without overlap, and gives an empty page past the end", () => {
    const a = listCompanies(db, {}, { page: 1, perPage: 3 });
    const b = listCompanies(db, {}, { page: 2, perPage: 3 });
    expect(a.totalPages).toBe(2);
    expect([...a.items, ...b.items].map((c) => c.slug)).toEqual(
      listCompanies(db, {}, PAGE).items.map((c) => c.slug),
    );
    expect(listCompanies(db, {}, { page: 3, perPage: 3 }).items).toEqual([]);
  });
});

describe("search text is matched literally", () => {
  it("treats % _ and \\ as characters, not wildcards", () => {
    const t = tempDatabase();
    try {
      addCompany(t.db, "hundred-percent", "100% Made Here");
      addCompany(t.db, "under-score", "Under_Score Devices");
      addCompany(t.db, "back-slash", "Back\\Slash Ltd");
      const slugs = (q: string) => listCompanies(t.db, { q }, PAGE).items.map((c) => c.slug);
      expect(slugs("%")).toEqual(["hundred-percent"]);
      expect(slugs("_")).toEqual(["under-score"]);
      expect(slugs("\\")).toEqual(["back-slash"]);
      expect(slugs("0% m")).toEqual(["hundred-percent"]);
    } finally {
      t.cleanup();
    }
  });
});

describe("getCompany", () => {
  it("shows Xiaomi's commitments with computed status, and Optiemus as its partner", () => {
    const xiaomi = getCompany(db, "xiaomi", { ...PAGE, today: TODAY });
    expect(xiaomi?.name).toBe("Xiaomi");
    expect(xiaomi?.commitments.total).toBe(2);
    const target = xiaomi?.commitments.items[0];
    expect(target?.title).toMatch(/^50 per cent increase/);
    expect(target?.status.status).toBe("overdue_unverified");
    expect(target?.status.label).toBe("Overdue, unverified");
    expect(target?.deadlineLabel).toBe("by 2025");
    expect(target?.sources.length).toBe(2);
    expect(xiaomi?.commitments.items[1]?.status.status).toBe("achieved");

    expect(xiaomi?.partnerships).toHaveLength(1);
    const p = xiaomi?.partnerships[0];
    expect(p?.brand.slug).toBe("xiaomi");
    expect(p?.partner.slug).toBe("optiemus-electronics");
    expect(p?.productCategories).toEqual(["Wireless audio"]);
    expect(p?.facility?.state).toEqual({ storedCode: "IN-UP", code: "IN-UP", name: "Uttar Pradesh" });
    expect(p?.sources.length).toBe(2);
    expect(xiaomi?.sources.map((s) => s.publishedOn)).toEqual(["2023-05-29", "2023-05-29"]);
  });

  it("shows Xiaomi on Optiemus's page, and the Noida facility in Uttar Pradesh", () => {
    const optiemus = getCompany(db, "optiemus-electronics", { ...PAGE, today: TODAY });
    expect(optiemus?.partnerships.map((p) => p.brand.name)).toEqual(["Xiaomi"]);
    expect(optiemus?.facilities).toHaveLength(1);
    expect(optiemus?.facilities[0]).toMatchObject({
      name: "Optiemus Electronics factory, Noida",
      city: "Noida",
      state: { code: "IN-UP", name: "Uttar Pradesh" },
      stage: "operational",
      investmentLabel: null,
    });
    expect(optiemus?.commitments.items).toEqual([]);
  });

  it("shows Foxconn's land in Karnataka in US dollars, formatted for India and not converted", () => {
    const foxconn = getCompany(db, "foxconn", { ...PAGE, today: TODAY });
    expect(foxconn?.facilities[0]).toMatchObject({
      state: { code: "IN-KA", name: "Karnataka" },
      stage: "land_acquired",
      investmentAmount: 37_000_000,
      investmentCurrency: "USD",
      investmentLabel: "US$3,70,00,000 (US$3.7 crore)",
    });
    expect(foxconn?.commitments.items[0]?.evidenceGrade).toBe("agreement_or_land");
  });

  it("gives the partnership from each side in JSON", () => {
    const json = companyDetailJson(
      getCompany(db, "optiemus-electronics", { ...PAGE, today: TODAY })!,
      new Map(),
    );
    expect(json.partnerships[0]).toMatchObject({
      role: "partner",
      counterpart: { slug: "xiaomi", name: "Xiaomi" },
    });
    expect(json.commitments_pagination).toEqual({ page: 1, per_page: 25, total: 0, total_pages: 1 });
  });

  it("returns null for a slug no company has", () => {
    expect(getCompany(db, "no-such-company", { ...PAGE, today: TODAY })).toBeNull();
  });

  it("returns a withdrawn company, marked as withdrawn", () => {
    const t = tempDatabase();
    try {
      t.db
        .update(companies)
        .set({ withdrawnOn: "2026-01-15", withdrawnReason: "Duplicate entry" })
        .where(eq(companies.slug, "tesla"))
        .run();
      expect(getCompany(t.db, "tesla", { ...PAGE, today: TODAY })).toMatchObject({
        withdrawnOn: "2026-01-15",
        withdrawnReason: "Duplicate entry",
      });
      expect(listCompanies(t.db, { q: "tesla" }, PAGE).items[0]?.withdrawnOn).toBe("2026-01-15");
    } finally {
      t.cleanup();
    }
  });
});

describe("companies CSV", () => {
  it("writes the citation, the header and one row per company, escaping formula-like names", () => {
    const t = tempDatabase();
    try {
      addCompany(t.db, "formula", '=HYPERLINK("http://evil.example","click")');
      addCompany(t.db, "plus", "+91 Devices");
      const url = "http://localhost/api/v1/companies.csv";
      const csv = directoryCsv(allCompanies(t.db, {}), COMPANY_CSV_COLUMNS, {
        title: "Companies",
        url,
        retrievedOn: TODAY,
      });
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe(
        `"Make in India localisation tracker, ""Companies"", ${url}, retrieved ${TODAY}. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."`,
      );
      expect(lines[1]).toBe(
        "slug,name,kind,hq_country,website,commitments,facilities,partnerships,withdrawn_on,withdrawn_reason,source_urls",
      );
      expect(lines.at(-1)).toBe("");
      expect(lines).toHaveLength(2 + 6 + 1);
      const formula = lines.find((l) => l.startsWith("formula,"));
      expect(formula).toBe(
        `formula,"'=HYPERLINK(""http://evil.example"",""click"")",supplier,IN,,0,0,0,,,https://example.com/formula`,
      );
      expect(lines.find((l) => l.startsWith("plus,"))).toContain(",'+91 Devices,");
      expect(lines.find((l) => l.startsWith("xiaomi,"))).toBe(
        "xiaomi,Xiaomi,brand,CN,,2,0,1,,,https://www.nasdaq.com/articles/xiaomi-to-make-wireless-audio-products-in-india | https://www.businesstoday.in/technology/news/story/xiaomi-partners-with-optiemus-to-manufacture-wireless-audio-products-in-india-383326-2023-05-29",
      );
    } finally {
      t.cleanup();
    }
  });

  it("exports only the companies the search matches", () => {
    expect(allCompanies(db, { q: "optiemus" }).map((c) => c.slug)).toEqual(["optiemus-electronics"]);
  });
});
