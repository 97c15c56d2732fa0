import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "../connection";
import { commitments, companies, progressUpdates, revisions, sources } from "../schema";
import { seedFacts } from "../seed";
import { getCommitment, listCommitments } from "./commitments";
import { overview } from "./overview";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
let db: Db;
let file: string;
let cleanup: () => void;

beforeAll(() => {
  ({ db, file, cleanup } = tempDatabase());
});
afterAll(() => cleanup());

const xiaomiTargetId = () =>
  db
    .select({ id: commitments.id })
    .from(commitments)
    .where(
      eq(commitments.title, "50 per cent increase in the production of locally sourced components by 2025"),
    )
    .get()!.id;

describe("seed", () => {
  it("holds the facts of the source reporting, each with a source", () => {
    const slugs = db
      .select({ slug: companies.slug })
      .from(companies)
      .all()
      .map((c) => c.slug);
    expect(slugs.sort()).toEqual(["foxconn", "optiemus-electronics", "tesla", "xiaomi"]);
    const orphans = db.$client
      .prepare(
        `select 'commitment' t, id from commitments where id not in (select commitment_id from commitment_sources)
         union all select 'company', id from companies where id not in (select company_id from company_sources)
         union all select 'facility', id from facilities where id not in (select facility_id from facility_sources)
         union all select 'partnership', id from partnerships where id not in (select partnership_id from partnership_sources)
         union all select 'progress', id from progress_updates where id not in (select progress_update_id from progress_update_sources)`,
      )
      .all();
    expect(orphans).toEqual([]);
  });

  it("changes nothing when it runs again, in the same process or on a new start", () => {
    const countAll = () =>
      [
        "sources",
        "companies",
        "facilities",
        "partnerships",
        "commitments",
        "progress_updates",
        "revisions",
      ].map((t) => (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n);
    const before = countAll();
    expect(seedFacts(db).inserted).toBe(0);
    const reopened = openDatabase(file);
    reopened.$client.close();
    expect(countAll()).toEqual(before);
  });

  it("records Foxconn's land purchase in US dollars in Karnataka, and Tesla's talks as the weakest evidence", () => {
    const land = db.$client
      .prepare(
        "select state_code, stage, investment_amount, investment_currency from facilities where name like 'Foxconn%'",
      )
      .get();
    expect(land).toEqual({
      state_code: "IN-KA",
      stage: "land_acquired",
      investment_amount: 37_000_000,
      investment_currency: "USD",
    });
    const grades = db.$client
      .prepare(
        "select c.slug, m.evidence_grade from commitments m join companies c on c.id = m.company_id where c.slug in ('tesla','foxconn') order by c.slug",
      )
      .all();
    expect(grades).toEqual([
      { slug: "foxconn", evidence_grade: "agreement_or_land" },
      { slug: "tesla", evidence_grade: "in_talks" },
    ]);
  });
});

describe("constraints", () => {
  const insertCompany = (values: Partial<typeof companies.$inferInsert>) => () =>
    db
      .insert(companies)
      .values({ slug: "acme", name: "Acme", kind: "brand", hqCountry: "IN", ...values })
      .run();

  it.each([
    ["an unknown kind", { kind: "conglomerate" as never }],
    ["a lower-case country", { hqCountry: "in" }],
    ["a slug with spaces", { slug: "acme corp" }],
    ["an impossible withdrawal date", { withdrawnOn: "2023-02-29" }],
    ["a thirteenth month", { withdrawnOn: "2023-13-01" }],
    ["a date that is not a date", { withdrawnOn: "yesterday" }],
  ])("refuses a company with %s", (_name, values) => {
    expect(insertCompany(values)).toThrow(/CHECK constraint failed/);
  });

  it.each([["javascript:alert(1)"], ["data:text/html,hi"], ["ftp://example.com/x"]])(
    "refuses the source URL %s",
    (url) => {
      expect(() =>
        db.insert(sources).values({ url, title: "t", publisher: "p", kind: "news" }).run(),
      ).toThrow(/CHECK constraint failed/);
    },
  );

  it("refuses a deadline without its precision, and a deadline before the baseline", () => {
    const base = {
      companyId: 1,
      title: "x",
      metric: "jobs" as const,
      unit: "count" as const,
      direction: "increase" as const,
      baselineValue: 0,
      baselineDate: "2024-01-01",
      targetValue: 10,
      evidenceGrade: "announced" as const,
    };
    expect(() =>
      db
        .insert(commitments)
        .values({ ...base, dueOn: "2025-12-31" })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(commitments)
        .values({ ...base, dueOn: "2023-12-31", deadlinePrecision: "year" })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("refuses progress for a commitment that does not exist", () => {
    expect(() =>
      db.insert(progressUpdates).values({ commitmentId: 999_999, asOf: "2025-01-01", value: 1 }).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe("listCommitments", () => {
  it("returns every commitment once, soonest deadline first and undated last", () => {
    const page = listCommitments(db, { page: 1, perPage: 25, today: TODAY });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(4);
    expect(page.items[0]!.dueOn).toBe("2025-12-31");
    expect(page.items.slice(1).every((c) => c.dueOn === null)).toBe(true);
  });

  it("computes Xiaomi's target as overdue and unverified on 2026-11-25", () => {
    const xiaomi = listCommitments(db, { page: 1, perPage: 25, today: TODAY }).items.find(
      (c) => c.id === xiaomiTargetId(),
    );
    expect(xiaomi?.status.status).toBe("overdue_unverified");
    expect(xiaomi?.status.label).toBe("Overdue, unverified");
    expect(xiaomi?.deadlineLabel).toBe("by 2025");
    expect(xiaomi?.sources.map((s) => s.publishedOn)).toEqual(["2023-05-29", "2023-05-29"]);
  });

  it("computes the status for the date it is given, not the date it runs", () => {
    const statusOn = (today: string) =>
      listCommitments(db, { page: 1, perPage: 25, today }).items.find((c) => c.id === xiaomiTargetId())
        ?.status.status;
    expect(statusOn("2025-12-31")).toBe("no_data");
    expect(statusOn("2026-01-01")).toBe("overdue_unverified");
  });

  it("pages without overlap, and an empty page past the end", () => {
    const a = listCommitments(db, { page: 1, perPage: 3, today: TODAY });
    const b = listCommitments(db, { page: 2, perPage: 3, today: TODAY });
    const c = listCommitments(db, { page: 3, perPage: 3, today: TODAY });
    expect(a.totalPages).toBe(2);
    expect([...a.items, ...b.items].map((x) => x.id).sort()).toEqual([1, 2, 3, 4]);
    expect(c.items).toEqual([]);
  });
});

describe("getCommitment", () => {
  it("returns the commitment with sources, categories, progress and history", () => {
    const c = getCommitment(db, xiaomiTargetId(), TODAY);
    expect(c?.company.slug).toBe("xiaomi");
    expect(c?.categories).toEqual(["Components"]);
    expect(c?.progress).toEqual([]);
    expect(c?.revisions).toHaveLength(1);
    expect(c?.revisions[0]?.actorName).toBeNull();
  });

  it("returns progress with its own sources", () => {
    const existing = getCommitment(db, 2, TODAY);
    expect(existing?.title).toBe("Manufacture smartphones and TV sets in India");
    expect(existing?.status.status).toBe("achieved");
    expect(existing?.progress).toHaveLength(1);
    expect(existing?.progress[0]?.sources[0]?.publisher).toMatch(/Reuters/);
  });

  it("returns null for an id that does not exist", () => {
    expect(getCommitment(db, 987_654, TODAY)).toBeNull();
  });
});

describe("overview", () => {
  it("counts Xiaomi's target as the one overdue and unverified", () => {
    expect(overview(db, TODAY)).toEqual({ commitments: 4, companies: 4, overdueUnverified: 1 });
    expect(overview(db, "2025-12-31").overdueUnverified).toBe(0);
  });

  it("stops counting it once an outcome is recorded after the deadline", () => {
    const { db: other, cleanup: done } = tempDatabase();
    try {
      other.insert(progressUpdates).values({ commitmentId: 1, asOf: "2026-03-31", value: 20 }).run();
      expect(overview(other, TODAY).overdueUnverified).toBe(0);
      expect(getCommitment(other, 1, TODAY)?.status.status).toBe("missed");
    } finally {
      done();
    }
  });
});

describe("revisions", () => {
  it("records a first revision for every seeded record", () => {
    const n = db.select({ id: revisions.id }).from(revisions).all().length;
    expect(n).toBe(4 + 2 + 1 + 4 + 1);
  });
});
