import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitments, commitmentSources, companies, partnerships, progressUpdates, sources } from "../schema";
import { listCommitments } from "./commitments";
import {
  exportCommitments,
  explorerFacets,
  FACETS,
  ftsQuery,
  searchCommitments,
  type FacetName,
} from "./explorer";
import { canonicalStateCode } from "@/lib/domain/india-states";
import { computeStatus, type CommitmentStatus } from "@/lib/domain/status";
import { tempDatabase } from "@/lib/testing/temp-db";
import {
  DEFAULT_EXPLORER_QUERY,
  parseExplorerParams,
  type ExplorerQuery,
} from "@/lib/validation/explorer-params";
import { generateSynthetic } from "@/scripts/synthetic/generate";

const TODAY = "2026-11-25";
const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

function view(params: string): ExplorerQuery {
  const parsed = parseExplorerParams(new URLSearchParams(params));
  if (!parsed.success) throw new Error(`${params}: ${parsed.error.message}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// The truth, worked out in plain code from the tables and computeStatus, to check SQL against.

type Truth = {
  id: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  title: string;
  categories: string[];
  states: string[];
  scheme: string | null;
  evidence: string;
  dueOn: string | null;
  announcedOn: string | null;
  superseded: boolean;
  status: CommitmentStatus;
};

function truth(db: Db, today: string): Truth[] {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(
      `select c.id, c.company_id as companyId, co.slug as companySlug, co.name as companyName, c.title,
         c.scheme, c.evidence_grade as evidence, c.due_on as dueOn, c.announced_on as announcedOn,
         c.superseded_by_id as supersededById, c.direction, c.baseline_value as baselineValue,
         c.baseline_date as baselineDate, c.target_value as targetValue, c.withdrawn_on as withdrawnOn
       from commitments c join companies co on co.id = c.company_id`,
    )
    .all() as (Omit<Truth, "categories" | "states" | "superseded" | "status"> & {
    supersededById: number | null;
    direction: "increase" | "decrease";
    baselineValue: number;
    baselineDate: string;
    targetValue: number;
    withdrawnOn: string | null;
  })[];
  const progress = sqlite
    .prepare(
      "select commitment_id as id, as_of as asOf, value from progress_updates where withdrawn_on is null order by id",
    )
    .all() as { id: number; asOf: string; value: number }[];
  const categories = sqlite
    .prepare("select commitment_id as id, category as v from commitment_categories")
    .all() as {
    id: number;
    v: string;
  }[];
  const states = sqlite
    .prepare("select commitment_id as id, state_code as v from commitment_states")
    .all() as {
    id: number;
    v: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    companyId: r.companyId,
    companySlug: r.companySlug,
    companyName: r.companyName,
    title: r.title,
    scheme: r.scheme,
    evidence: r.evidence,
    dueOn: r.dueOn,
    announcedOn: r.announcedOn,
    superseded: r.supersededById !== null,
    categories: categories.filter((c) => c.id === r.id).map((c) => c.v),
    states: [...new Set(states.filter((s) => s.id === r.id).map((s) => canonicalStateCode(s.v) ?? s.v))],
    status: computeStatus(
      {
        ...r,
        progress: progress.filter((p) => p.id === r.id).map((p) => ({ asOf: p.asOf, value: p.value })),
      },
      today,
    ).status,
  }));
}

function passes(t: Truth, q: ExplorerQuery, omit?: FacetName): boolean {
  const any = <T>(selected: readonly T[], test: (v: T) => boolean) =>
    selected.length === 0 || selected.some(test);
  return (
    (q.includeSuperseded || !t.superseded) &&
    (omit === "company" || any(q.company, (s) => s === t.companySlug)) &&
    (omit === "category" || any(q.category, (c) => t.categories.includes(c))) &&
    (omit === "state" || any(q.state, (s) => t.states.includes(s))) &&
    (omit === "scheme" || any(q.scheme, (s) => (s === "none" ? t.scheme === null : s === t.scheme))) &&
    (omit === "status" || any(q.status, (s) => s === t.status)) &&
    (omit === "evidence" || any(q.evidence, (e) => e === t.evidence)) &&
    (!q.dueFrom || (t.dueOn !== null && t.dueOn >= q.dueFrom)) &&
    (!q.dueTo || (t.dueOn !== null && t.dueOn <= q.dueTo))
  );
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function expectedOrder(rows: Truth[], sort: ExplorerQuery["sort"]): number[] {
  const sorted = [...rows].sort((a, b) => {
    switch (sort) {
      case "deadline":
      case "relevance":
        return cmp(a.dueOn ?? "9999-12-31", b.dueOn ?? "9999-12-31") || a.id - b.id;
      case "-deadline":
        // Latest first, undated (NULL) last.
        return cmp(b.dueOn ?? "", a.dueOn ?? "") || b.id - a.id;
      case "company":
        return cmp(a.companyName, b.companyName) || a.companyId - b.companyId || a.id - b.id;
      case "title":
        return cmp(a.title, b.title) || a.id - b.id;
      case "-announced":
        return cmp(b.announcedOn ?? "", a.announcedOn ?? "") || b.id - a.id;
    }
  });
  return sorted.map((r) => r.id);
}

function allPages(db: Db, q: ExplorerQuery, today: string): { ids: number[]; total: number } {
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = searchCommitments(db, { ...q, page, perPage: 100 }, today);
    total = result.total;
    ids.push(...result.items.map((i) => i.id));
    if (page >= result.totalPages) break;
  }
  return { ids, total };
}

// ---------------------------------------------------------------------------------------------

describe("ftsQuery", () => {
  it.each<[string, string, string | null]>([
    ["one word, as a prefix", "Optiemus", '"Optiemus"*'],
    ["all words required, the last a prefix", "xiaomi noida", '"xiaomi" "noida"*'],
    ["a one-letter last word is not a prefix (it would match half the index)", "plant a", '"plant" "a"'],
    ["quotes are separators, never syntax", 'say "hello', '"say" "hello"*'],
    ["operators are dropped", "xiaomi OR tesla NOT foxconn AND near NEAR", '"xiaomi" "tesla" "foxconn"*'],
    ["NEAR( and column filters are just words", "NEAR(title: xiaomi)", '"title" "xiaomi"*'],
    [
      "prefix and boost marks are separators",
      "opti* ^xiaomi -tesla +foxconn",
      '"opti" "xiaomi" "tesla" "foxconn"*',
    ],
    ["unbalanced parentheses", "((xiaomi", '"xiaomi"*'],
    ["SQL is just words", "'; drop table x; --", '"drop" "table" "x"'],
    ["Devanagari, with its combining marks", "मेक इन इंडिया", '"मेक" "इन" "इंडिया"*'],
    ["accented letters", "Société Générale", '"Société" "Générale"*'],
    ["an emoji alone has no words", "🚀🔥", null],
    ["punctuation alone has no words", '"*^:()-+', null],
    ["operators alone have no words", "OR AND NOT", null],
    ["nothing", "   ", null],
  ])("%s", (_name, input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });

  it("reads at most the first 200 characters, and at most 16 words", () => {
    expect(ftsQuery("a".repeat(1_000_000))).toBe(`"${"a".repeat(200)}"*`);
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(ftsQuery(words)?.split(" ")).toHaveLength(16);
  });
});

describe("the explorer on the seed facts", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  const xiaomiTargetId = () =>
    db.select({ id: commitments.id }).from(commitments).where(eq(commitments.title, XIAOMI_TARGET)).get()!.id;

  it("finds Xiaomi's target among the overdue and unverified on 2026-11-25, and only it", () => {
    const result = searchCommitments(db, view("status=overdue_unverified"), TODAY);
    expect(result.total).toBe(1);
    expect(result.items.map((i) => i.id)).toEqual([xiaomiTargetId()]);
    expect(result.items[0]).toMatchObject({
      company: { slug: "xiaomi" },
      deadlineLabel: "by 2025",
      status: { status: "overdue_unverified", label: "Overdue, unverified", stale: true },
      categories: ["Components"],
      states: [],
    });
    expect(result.items[0]!.sources.map((s) => s.publishedOn)).toEqual(["2023-05-29", "2023-05-29"]);
    // The day before, its deadline had not passed.
    expect(searchCommitments(db, view("status=overdue_unverified"), "2025-12-31").total).toBe(0);
  });

  it("gives items in the shape of the commitment list, with the same statuses", () => {
    const listed = listCommitments(db, { page: 1, perPage: 25, today: TODAY }).items;
    const explored = searchCommitments(db, DEFAULT_EXPLORER_QUERY, TODAY).items;
    expect(explored).toEqual(listed);
    for (const item of explored) {
      expect(item.status.status).toBe(
        computeStatus({ ...item, progress: item.status.latest ? [item.status.latest] : [] }, TODAY).status,
      );
    }
  });

  it.each(["Optiemus", "optiemus", "OPTIEM", "Optiemus Electronics", "noida", "Noida, Uttar Pradesh"])(
    "finds Xiaomi's commitments through their sources when searching %j",
    (q) => {
      const result = searchCommitments(db, view(`q=${encodeURIComponent(q)}`), TODAY);
      const xiaomi = result.items.filter((i) => i.company.slug === "xiaomi").map((i) => i.id);
      expect(xiaomi).toContain(xiaomiTargetId());
      // Best match first: Xiaomi's commitments, partnered with Optiemus, come before the others.
      expect(result.items[0]!.company.slug).toBe("xiaomi");
    },
  );

  it("finds commitments by the name of their company's partner", () => {
    // "OELindia" is only in a source's excerpt; "Limited" only in Optiemus's full name, which
    // reaches Xiaomi's commitments through the partnership.
    const bySource = searchCommitments(db, view("q=OELindia"), TODAY);
    expect(bySource.items.map((i) => i.id)).toEqual([xiaomiTargetId()]);
    const byPartner = searchCommitments(db, view("q=Electronics%20Limited"), TODAY);
    expect(new Set(byPartner.items.map((i) => i.company.slug))).toEqual(new Set(["xiaomi"]));
    expect(byPartner.total).toBe(2);
  });

  // Quotes, operators and punctuation separate words and are never read as syntax, so each input
  // finds what its words find: "xiaomi" is in all four seed commitments, "tesla" in one.
  it.each<[string, number]>([
    ['"', 0],
    ["*", 0],
    ["NEAR(", 0],
    ["NEAR(xiaomi tesla, 2)", 0],
    ["OR", 0],
    ["xiaomi OR", 4],
    ["-", 0],
    ["-xiaomi", 4],
    ["-tesla", 1],
    ["^", 0],
    ["^xiaomi", 4],
    [":", 0],
    ["title:xiaomi", 0],
    ["((xiaomi", 4],
    ["xiaomi))", 4],
    ["tesla))", 1],
    ['"unterminated', 0],
    ["x".repeat(200), 0],
    ["मेक इन इंडिया", 0],
    ["उत्पादन", 0],
    ["🚀", 0],
    ["xiaomi 🚀", 4],
    ["'; drop table x; --", 0],
    ["\\", 0],
    ["%_", 0],
    ["NOT", 0],
    ["AND AND", 0],
    ["{col1 col2}: x", 0],
  ])("never fails on hostile words: %j finds %i", (q, total) => {
    const result = searchCommitments(db, { ...DEFAULT_EXPLORER_QUERY, q, sort: "relevance" }, TODAY);
    expect(result.total).toBe(total);
    expect(result.items).toHaveLength(total);
    const facets = explorerFacets(db, { ...DEFAULT_EXPLORER_QUERY, q }, TODAY);
    expect(facets.company.values.reduce((n, v) => n + v.count, 0)).toBe(total);
    expect([...exportCommitments(db, { ...DEFAULT_EXPLORER_QUERY, q }, TODAY).items]).toHaveLength(total);
  });

  it("returns nothing, not everything and not an error, for words it cannot use", () => {
    for (const q of ["🚀", '"*^', "OR NOT"]) {
      expect(searchCommitments(db, { ...DEFAULT_EXPLORER_QUERY, q }, TODAY)).toMatchObject({
        items: [],
        total: 0,
      });
      const facets = explorerFacets(db, { ...DEFAULT_EXPLORER_QUERY, q }, TODAY);
      expect(FACETS.every((f) => facets[f].values.length === 0)).toBe(true);
      expect(exportCommitments(db, { ...DEFAULT_EXPLORER_QUERY, q }, TODAY).total).toBe(0);
    }
  });

  it("reads a megabyte of words as its first 200 characters", () => {
    // The first 200 characters are "tesla" and spaces. Read any further, "zzzz" would be required
    // too, and no commitment has it.
    const first200 = "tesla".padEnd(200);
    const q = `${first200}${" zzzz".repeat(200_000)}`;
    expect(q.length).toBeGreaterThan(1_000_000);
    const search = (words: string) =>
      searchCommitments(db, { ...DEFAULT_EXPLORER_QUERY, q: words }, TODAY).items.map((i) => i.company.slug);
    expect(search(q)).toEqual(["tesla"]);
    expect(search("tesla zzzz")).toEqual([]);
  });

  it("keeps the search index in step with every kind of write", () => {
    const inStep = () => {
      const indexed = db.$client
        .prepare(
          "select rowid as id, title, description, company, sources, partners from commitment_search order by rowid",
        )
        .all();
      const documents = db.$client
        .prepare(
          "select commitment_id as id, title, description, company, sources, partners from commitment_search_documents order by commitment_id",
        )
        .all();
      expect(indexed).toEqual(documents);
    };
    const found = (q: string) =>
      searchCommitments(db, view(`q=${encodeURIComponent(q)}`), TODAY).items.map((i) => i.id);
    inStep();

    const tesla = db.select().from(companies).where(eq(companies.slug, "tesla")).get()!;
    const teslaPlant = db.select().from(commitments).where(eq(commitments.companyId, tesla.id)).get()!;

    db.update(commitments)
      .set({ title: "Set up a gigafactory in India" })
      .where(eq(commitments.id, teslaPlant.id))
      .run();
    inStep();
    expect(found("gigafactory")).toEqual([teslaPlant.id]);

    db.update(companies).set({ name: "Tesla Motors" }).where(eq(companies.id, tesla.id)).run();
    inStep();
    expect(found("motors")).toEqual([teslaPlant.id]);

    const source = db
      .insert(sources)
      .values({
        url: "https://example.com/tesla-karnataka",
        title: "Tesla scouts sites",
        publisher: "Example",
        kind: "news",
        excerpt: "Officials in Karnataka met Tesla.",
      })
      .returning()
      .get();
    db.insert(commitmentSources).values({ recordId: teslaPlant.id, sourceId: source.id }).run();
    inStep();
    expect(found("scouts")).toEqual([teslaPlant.id]);

    db.update(sources)
      .set({ excerpt: "Officials in Gujarat met Tesla." })
      .where(eq(sources.id, source.id))
      .run();
    inStep();
    expect(found("gujarat")).toEqual([teslaPlant.id]);

    const foxconn = db.select().from(companies).where(eq(companies.slug, "foxconn")).get()!;
    const deal = db
      .insert(partnerships)
      .values({ brandCompanyId: tesla.id, partnerCompanyId: foxconn.id, stage: "announced" })
      .returning()
      .get();
    inStep();
    expect(found("tesla foxconn").sort()).toContain(teslaPlant.id);

    db.update(partnerships)
      .set({ withdrawnOn: "2026-01-01", withdrawnReason: "called off" })
      .where(eq(partnerships.id, deal.id))
      .run();
    inStep();

    db.delete(commitmentSources).where(eq(commitmentSources.sourceId, source.id)).run();
    inStep();
    expect(found("gujarat")).toEqual([]);
  });

  it("leaves superseded commitments out unless asked", () => {
    const old = db.select().from(commitments).where(eq(commitments.title, XIAOMI_TARGET)).get()!;
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = old;
    const restated = db
      .insert(commitments)
      .values({ ...rest, title: "Restated: 60 per cent by 2027", targetValue: 60, dueOn: "2027-12-31" })
      .returning()
      .get();
    db.update(commitments).set({ supersededById: restated.id }).where(eq(commitments.id, old.id)).run();
    const ids = (q: string) => searchCommitments(db, view(q), TODAY).items.map((i) => i.id);
    expect(ids("company=xiaomi")).not.toContain(old.id);
    expect(ids("company=xiaomi")).toContain(restated.id);
    expect(ids("company=xiaomi&include_superseded=true")).toEqual(
      expect.arrayContaining([old.id, restated.id]),
    );
    // Words alone are counted in the search index, less superseded commitments: the count must
    // agree with the list, which is read through commitment_status.
    const words = allPages(db, view("q=xiaomi"), TODAY);
    expect(words.ids).not.toContain(old.id);
    expect(words.total).toBe(words.ids.length);
    const all = allPages(db, view("q=xiaomi&include_superseded=true"), TODAY);
    expect(all.ids).toContain(old.id);
    expect(all.total).toBe(all.ids.length);
    expect(all.total).toBe(words.total + 1);
    expect(explorerFacets(db, view(""), TODAY).company.values.find((v) => v.value === "xiaomi")?.count).toBe(
      2,
    );
    expect(
      explorerFacets(db, view("include_superseded=true"), TODAY).company.values.find(
        (v) => v.value === "xiaomi",
      )?.count,
    ).toBe(3);
  });

  it("shows a progress update in the status as soon as it is written", () => {
    const before = searchCommitments(db, view("status=missed"), TODAY).total;
    const tesla = db
      .select()
      .from(commitments)
      .where(eq(commitments.title, "Set up a gigafactory in India"))
      .get()!;
    db.update(commitments)
      .set({ dueOn: "2025-12-31", deadlinePrecision: "year" })
      .where(eq(commitments.id, tesla.id))
      .run();
    db.insert(progressUpdates).values({ commitmentId: tesla.id, asOf: "2026-06-30", value: 0 }).run();
    expect(searchCommitments(db, view("status=missed"), TODAY).total).toBe(before + 1);
  });
});

describe("the explorer at a few hundred synthetic commitments", () => {
  let db: Db;
  let cleanup: () => void;
  let rows: Truth[];
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    generateSynthetic(db, { commitments: 400, seed: 11 });
    rows = truth(db, TODAY);
  });
  afterAll(() => cleanup());

  const VIEWS = [
    "",
    "status=behind,missed",
    "status=overdue_unverified",
    "status=on_track&evidence=announced,verified_outcome",
    "scheme=none",
    "scheme=pmp,none&sort=title",
    "state=IN-UP",
    "state=IN-TS,IN-KA&sort=company",
    "category=Smartphones,Components&sort=-deadline",
    "due_from=2026&due_to=2027",
    "due_from=2030&sort=-announced",
    "due_to=2024-06-30&status=missed,achieved",
    "include_superseded=true",
    "include_superseded=true&sort=-deadline",
    "evidence=announced,agreement_or_land,regulatory_filing,verified_outcome",
    "status=withdrawn&sort=title",
  ];

  it.each(VIEWS)("filters, counts and orders as the rules say: %j", (params) => {
    const q = view(params);
    const expected = rows.filter((r) => passes(r, q));
    const { ids, total } = allPages(db, q, TODAY);
    expect(total).toBe(expected.length);
    expect(ids).toEqual(expectedOrder(expected, q.sort));
  });

  it("filters by company", () => {
    const slugs = [...new Set(rows.map((r) => r.companySlug))].slice(0, 3);
    const q = view(`company=${slugs.join(",")}&sort=company`);
    const expected = rows.filter((r) => passes(r, q));
    expect(expected.length).toBeGreaterThan(0);
    expect(allPages(db, q, TODAY).ids).toEqual(expectedOrder(expected, "company"));
  });

  it("has a spread of statuses to test with", () => {
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ["achieved", "missed", "overdue_unverified", "on_track", "behind", "withdrawn"]) {
      expect(statuses).toContain(s);
    }
  });

  it("agrees with computeStatus for other dates too", () => {
    for (const day of ["2024-01-01", "2027-06-30", TODAY]) {
      const expected = truth(db, day);
      for (const status of ["behind", "on_track", "overdue_unverified", "no_data"] as const) {
        const q = view(`status=${status}&include_superseded=true`);
        expect(allPages(db, q, day).ids.sort((a, b) => a - b)).toEqual(
          expected
            .filter((r) => r.status === status)
            .map((r) => r.id)
            .sort((a, b) => a - b),
        );
      }
    }
  });

  it.each(VIEWS)("counts each facet under the other filters but not its own: %j", (params) => {
    const q = view(params);
    const facets = explorerFacets(db, q, TODAY);
    for (const facet of FACETS) {
      const counts = new Map<string, number>();
      for (const r of rows.filter((t) => passes(t, q, facet))) {
        const values =
          facet === "company"
            ? [r.companySlug]
            : facet === "category"
              ? r.categories
              : facet === "state"
                ? r.states
                : facet === "scheme"
                  ? [r.scheme ?? "none"]
                  : facet === "status"
                    ? [r.status]
                    : [r.evidence];
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const got = facets[facet].values.filter((v) => v.count > 0);
      const listed = new Map(got.map((v) => [v.value, v.count]));
      if (facet === "company") {
        // At most COMPANY_FACET_LIMIT are listed; the rest are counted in `more`.
        for (const [value, count] of listed) expect(counts.get(value)).toBe(count);
        expect(listed.size + facets.company.more).toBe(counts.size);
      } else {
        expect(listed).toEqual(counts);
      }
      // Most first.
      const numbers = got.map((v) => v.count);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      // What is selected is marked, and listed even at zero.
      const selected = facet === "company" ? q.company : q[facet];
      for (const value of selected)
        expect(facets[facet].values.find((v) => v.value === value)?.selected).toBe(true);
    }
  });

  it("labels facet values for people", () => {
    const facets = explorerFacets(db, view(""), TODAY);
    expect(facets.state.values.find((v) => v.value === "IN-UP")?.label).toBe("Uttar Pradesh");
    // The synthetic data stores Telangana under its former code; it is counted under the current one.
    expect(facets.state.values.some((v) => v.value === "IN-TG")).toBe(false);
    expect(facets.status.values.find((v) => v.value === "overdue_unverified")?.label).toBe(
      "Overdue, unverified",
    );
    expect(facets.evidence.values.find((v) => v.value === "in_talks")?.label).toBe("In talks");
    expect(facets.company.values[0]?.label).toMatch(/\(synthetic\)$|Xiaomi|Foxconn|Tesla/);
  });

  it("pages without overlap or gap, and gives an empty page past the end", () => {
    const q = view("status=behind,on_track,missed");
    const expected = rows.filter((r) => passes(r, q));
    const seen: number[] = [];
    const perPage = 7;
    const pages = Math.ceil(expected.length / perPage);
    for (let page = 1; page <= pages; page++) {
      const result = searchCommitments(db, { ...q, page, perPage }, TODAY);
      expect(result.totalPages).toBe(pages);
      expect(result.items.length).toBe(page < pages ? perPage : expected.length - perPage * (pages - 1));
      seen.push(...result.items.map((i) => i.id));
    }
    expect(seen).toEqual(expectedOrder(expected, "deadline"));
    const past = searchCommitments(db, { ...q, page: pages + 1, perPage }, TODAY);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(expected.length);
  });

  it("exports every row of the view, in its order, whatever the page", () => {
    const q = view("status=behind,missed&sort=title&page=3&per_page=5");
    const exported = exportCommitments(db, q, TODAY);
    const items = [...exported.items];
    expect(exported.total).toBe(items.length);
    expect(items.map((i) => i.id)).toEqual(
      expectedOrder(
        rows.filter((r) => passes(r, q)),
        "title",
      ),
    );
    expect(items[0]).toHaveProperty("status.label");
    expect(items[0]).toHaveProperty("categories");
  });

  it("ranks by relevance, and orders by the sort named when there is one", () => {
    const relevance = searchCommitments(db, view("q=smartphones&per_page=100"), TODAY);
    expect(relevance.total).toBeGreaterThan(0);
    const deadline = allPages(db, view("q=smartphones&sort=deadline"), TODAY);
    expect(deadline.total).toBe(relevance.total);
    const expected = rows.filter((r) => deadline.ids.includes(r.id));
    expect(deadline.ids).toEqual(expectedOrder(expected, "deadline"));
    // Every match mentions the word somewhere in its document.
    const documents = db.$client
      .prepare(
        "select commitment_id as id, title || ' ' || description || ' ' || sources as text from commitment_search_documents",
      )
      .all() as { id: number; text: string }[];
    for (const id of deadline.ids)
      expect(documents.find((d) => d.id === id)?.text.toLowerCase()).toMatch(/smartphone/);
  });
});
