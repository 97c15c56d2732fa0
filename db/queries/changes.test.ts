import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { revisions } from "../schema";
import { CHANGES_LIMIT, latestChangeAt, NO_CHANGE_FILTER, recentChanges } from "./changes";
import { commitmentIdByKey } from "./deadlines";
import { canonicalStateCode, type StateCode } from "@/lib/domain/india-states";
import type { RecordType } from "@/lib/domain/vocabulary";
import { tempDatabase } from "@/lib/testing/temp-db";
import type { ChangeFilter } from "@/lib/views/changes";
import { generateSynthetic } from "@/scripts/synthetic/generate";

const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";
const XIAOMI_PHONES = "Manufacture smartphones and TV sets in India";
const FOXCONN_SITE = "Manufacturing site on land bought near Bengaluru";

const filter = (f: Partial<ChangeFilter>): ChangeFilter => ({ ...NO_CHANGE_FILTER, ...f });

describe("published changes on the seed facts", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  const seen = (f: Partial<ChangeFilter>) =>
    recentChanges(db, filter(f))
      .map((c) => `${c.recordType}: ${c.recordTitle}`)
      .sort();

  it("gives one change per seeded record, newest first, made by the seed import", () => {
    const changes = recentChanges(db);
    expect(changes).toHaveLength(12);
    const ids = changes.map((c) => c.revisionId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    for (const c of changes) {
      expect(c.actorName).toBeNull();
      expect(c.summary).toBe("Imported from the source reporting of 29 May 2023");
      expect(c.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(c.recordTitle).not.toBe("");
    }
    expect(latestChangeAt(db)).toBe(
      changes
        .map((c) => c.changedAt)
        .sort()
        .at(-1),
    );
  });

  it("names each record and links its public page", () => {
    const target = commitmentIdByKey(db, "xiaomi", XIAOMI_TARGET)!;
    const phones = commitmentIdByKey(db, "xiaomi", XIAOMI_PHONES)!;
    const byTitle = new Map(recentChanges(db).map((c) => [`${c.recordType}: ${c.recordTitle}`, c.path]));
    expect(Object.fromEntries(byTitle)).toMatchObject({
      "company: Xiaomi": "/companies/xiaomi",
      [`commitment: ${XIAOMI_TARGET}`]: `/commitments/${target}`,
      [`progress_update: ${XIAOMI_PHONES}, as of 29 May 2023`]: `/commitments/${phones}`,
      "facility: Optiemus Electronics factory, Noida": "/companies/optiemus-electronics#facilities-heading",
      "partnership: Xiaomi and Optiemus Electronics Limited": "/companies/xiaomi#partnerships-heading",
    });
  });

  it.each<[string, Partial<ChangeFilter>, string[]]>([
    [
      "a brand: itself, its commitments and their progress, its partnerships",
      { company: ["xiaomi"] },
      [
        `commitment: ${XIAOMI_TARGET}`,
        `commitment: ${XIAOMI_PHONES}`,
        "company: Xiaomi",
        "partnership: Xiaomi and Optiemus Electronics Limited",
        `progress_update: ${XIAOMI_PHONES}, as of 29 May 2023`,
      ],
    ],
    [
      "a partner: itself, the facility it operates, its partnerships",
      { company: ["optiemus-electronics"] },
      [
        "company: Optiemus Electronics Limited",
        "facility: Optiemus Electronics factory, Noida",
        "partnership: Xiaomi and Optiemus Electronics Limited",
      ],
    ],
    [
      "a state: its facilities and the partnerships made there",
      { state: ["IN-UP"] },
      [
        "facility: Optiemus Electronics factory, Noida",
        "partnership: Xiaomi and Optiemus Electronics Limited",
      ],
    ],
    [
      "another state: commitments located there too",
      { state: ["IN-KA"] },
      [`commitment: ${FOXCONN_SITE}`, "facility: Foxconn land on the outskirts of Bengaluru"],
    ],
    ["a category of a commitment", { category: ["Components"] }, [`commitment: ${XIAOMI_TARGET}`]],
    [
      "a category of a commitment with progress",
      { category: ["Smartphones"] },
      [`commitment: ${XIAOMI_PHONES}`, `progress_update: ${XIAOMI_PHONES}, as of 29 May 2023`],
    ],
    [
      "a category named by a partnership",
      { category: ["Wireless audio"] },
      ["partnership: Xiaomi and Optiemus Electronics Limited"],
    ],
    [
      "two filters: both must hold",
      { company: ["xiaomi"], category: ["Components"] },
      [`commitment: ${XIAOMI_TARGET}`],
    ],
    [
      "a company and a state: the partnership made there",
      { company: ["xiaomi"], state: ["IN-UP"] },
      ["partnership: Xiaomi and Optiemus Electronics Limited"],
    ],
    ["filters that share nothing", { company: ["tesla"], state: ["IN-UP"] }, []],
    ["an unknown company", { company: ["no-such-company"] }, []],
    [
      "two values of one filter: either",
      { company: ["tesla", "foxconn"] },
      [
        `commitment: ${FOXCONN_SITE}`,
        "commitment: Set up a manufacturing plant in India",
        "company: Foxconn",
        "company: Tesla",
        "facility: Foxconn land on the outskirts of Bengaluru",
      ],
    ],
  ])("covers %s", (_name, f, expected) => {
    expect(seen(f)).toEqual(expected.sort());
  });

  it("shows a new change at once, with the person who made it", () => {
    const before = recentChanges(db, filter({ company: ["tesla"] }));
    db.$client
      .prepare(
        "insert into users (id, name, email, role) values ('u1', 'Asha Reviewer', 'asha@example.com', 'reviewer')",
      )
      .run();
    const tesla = commitmentIdByKey(db, "tesla", "Set up a manufacturing plant in India")!;
    const added = db
      .insert(revisions)
      .values({
        recordType: "commitment",
        recordId: tesla,
        after: { evidenceGrade: "announced" },
        actorId: "u1",
        summary: "Evidence raised to announced",
      })
      .returning()
      .get();
    const after = recentChanges(db, filter({ company: ["tesla"] }));
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      revisionId: added.id,
      actorName: "Asha Reviewer",
      summary: "Evidence raised to announced",
    });
    expect(latestChangeAt(db)).toBe(added.createdAt);
  });
});

// ---------------------------------------------------------------------------------------------

type Subject = { companies: Set<string>; states: Set<string>; categories: Set<string> };

/** What each record can be said to concern, worked out in plain code from the tables. */
function subjects(db: Db): Map<string, Subject | null> {
  const all = <T>(q: string) => db.$client.prepare(q).all() as T[];
  const slug = new Map(
    all<{ id: number; slug: string }>("select id, slug from companies").map((c) => [c.id, c.slug]),
  );
  const states = new Map<number, string[]>();
  for (const s of all<{ id: number; v: string }>(
    "select commitment_id as id, state_code as v from commitment_states",
  ))
    states.set(s.id, [...(states.get(s.id) ?? []), canonicalStateCode(s.v) ?? s.v]);
  const categories = new Map<number, string[]>();
  for (const c of all<{ id: number; v: string }>(
    "select commitment_id as id, category as v from commitment_categories",
  ))
    categories.set(c.id, [...(categories.get(c.id) ?? []), c.v]);

  const out = new Map<string, Subject | null>();
  const commitment = new Map<number, Subject>();
  for (const c of all<{ id: number; companyId: number }>(
    "select id, company_id as companyId from commitments",
  )) {
    const s = {
      companies: new Set([slug.get(c.companyId)!]),
      states: new Set(states.get(c.id) ?? []),
      categories: new Set(categories.get(c.id) ?? []),
    };
    commitment.set(c.id, s);
    out.set(`commitment:${c.id}`, s);
  }
  for (const p of all<{ id: number; c: number }>("select id, commitment_id as c from progress_updates"))
    out.set(`progress_update:${p.id}`, commitment.get(p.c)!);
  for (const [id, s] of slug)
    out.set(`company:${id}`, { companies: new Set([s]), states: new Set(), categories: new Set() });
  const facilityState = new Map<number, string>();
  for (const f of all<{ id: number; op: number; st: string }>(
    "select id, operator_company_id as op, state_code as st from facilities",
  )) {
    facilityState.set(f.id, canonicalStateCode(f.st) ?? f.st);
    out.set(`facility:${f.id}`, {
      companies: new Set([slug.get(f.op)!]),
      states: new Set([canonicalStateCode(f.st) ?? f.st]),
      categories: new Set(),
    });
  }
  for (const p of all<{ id: number; b: number; p: number; f: number | null; cats: string }>(
    "select id, brand_company_id as b, partner_company_id as p, facility_id as f, product_categories as cats from partnerships",
  )) {
    const state = p.f === null ? undefined : facilityState.get(p.f);
    out.set(`partnership:${p.id}`, {
      companies: new Set([slug.get(p.b)!, slug.get(p.p)!]),
      states: new Set(state ? [state] : []),
      categories: new Set(JSON.parse(p.cats) as string[]),
    });
  }
  return out;
}

/** A record type a filter cannot be said of drops out (see db/queries/changes.ts). */
const APPLIES: Record<keyof ChangeFilter, readonly RecordType[]> = {
  company: ["company", "commitment", "progress_update", "facility", "partnership"],
  state: ["commitment", "progress_update", "facility", "partnership"],
  category: ["commitment", "progress_update", "partnership"],
};

function covered(type: RecordType, s: Subject, f: ChangeFilter): boolean {
  const holds = (name: keyof ChangeFilter, values: readonly string[], set: Set<string>) =>
    values.length === 0 || (APPLIES[name].includes(type) && values.some((v) => set.has(v)));
  return (
    holds("company", f.company, s.companies) &&
    holds("state", f.state, s.states) &&
    holds("category", f.category, s.categories)
  );
}

describe("published changes on synthetic data, against the coverage in plain code", () => {
  let db: Db;
  let cleanup: () => void;
  let bigCompany: string;
  let smallCompany: string;
  let category: string;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    generateSynthetic(db, { commitments: 600, seed: 31 });
    // The loader writes no revisions; give every record one, in an order unrelated to its id.
    db.$client.exec(`insert into revisions (record_type, record_id, after, summary)
      select t, id, '{}', 'synthetic' from (
        select 'company' as t, id from companies union all select 'facility', id from facilities
        union all select 'partnership', id from partnerships union all select 'commitment', id from commitments
        union all select 'progress_update', id from progress_updates)
      order by (id * 7919 + length(t)) % 10007`);
    const companyBy = (order: string) =>
      db.$client
        .prepare(
          `select co.slug from commitments c join companies co on co.id = c.company_id group by co.id order by count(*) ${order}, co.id limit 1`,
        )
        .pluck()
        .get() as string;
    bigCompany = companyBy("desc");
    smallCompany = companyBy("asc");
    category = db.$client
      .prepare("select category from commitment_categories group by 1 order by count(*) desc limit 1")
      .pluck()
      .get() as string;
  });
  afterAll(() => cleanup());

  it("gives the newest changes each filter covers, whether it looks records up or scans for them", () => {
    const about = subjects(db);
    const revisionRows = db.$client
      .prepare("select id, record_type as type, record_id as recordId from revisions order by id desc")
      .all() as { id: number; type: RecordType; recordId: number }[];
    const filters: ChangeFilter[] = [
      NO_CHANGE_FILTER,
      filter({ company: [bigCompany] }),
      filter({ company: [smallCompany, bigCompany] }),
      filter({ category: [category] }),
      filter({ state: ["IN-UP" as StateCode, "IN-MH" as StateCode] }),
      filter({ company: [bigCompany], state: ["IN-UP" as StateCode] }),
      filter({ category: [category], state: ["IN-KA" as StateCode, "IN-TN" as StateCode] }),
    ];
    for (const f of filters) {
      for (const limit of [CHANGES_LIMIT, 7]) {
        const expected = revisionRows
          .filter((r) => {
            const s = about.get(`${r.type}:${r.recordId}`);
            return s ? covered(r.type, s, f) : false;
          })
          .slice(0, limit)
          .map((r) => r.id);
        const actual = recentChanges(db, f, limit).map((c) => c.revisionId);
        expect(actual, `${JSON.stringify(f)} limit ${limit}`).toEqual(expected);
        if (f !== NO_CHANGE_FILTER) expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      }
    }
  });
});
