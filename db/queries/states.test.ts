import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitmentStates, facilities } from "../schema";
import { getState, listStates } from "./states";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
const PAGES = { today: TODAY, perPage: 25, facilitiesPage: 1, commitmentsPage: 1 };
let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = tempDatabase());
});
afterAll(() => cleanup());

describe("listStates", () => {
  it("lists all 36 states and union territories, zeros included, with the seed's Noida and Bengaluru", () => {
    const { states, unrecognised } = listStates(db);
    expect(states).toHaveLength(36);
    const byCode = new Map(states.map((s) => [s.code, s]));
    expect(byCode.get("IN-UP")).toEqual({
      code: "IN-UP",
      name: "Uttar Pradesh",
      kind: "state",
      facilities: 1,
      commitments: 0,
    });
    expect(byCode.get("IN-KA")).toMatchObject({ name: "Karnataka", facilities: 1, commitments: 1 });
    expect(byCode.get("IN-LD")).toMatchObject({ kind: "union_territory", facilities: 0, commitments: 0 });
    expect(states.reduce((n, s) => n + s.facilities, 0)).toBe(2);
    expect(unrecognised).toEqual([]);
  });

  it("counts records under a former code under the current one, each commitment once", () => {
    const t = tempDatabase();
    try {
      t.db
        .insert(facilities)
        .values([
          { operatorCompanyId: 3, name: "Hyderabad plant", stateCode: "IN-TG", stage: "announced" },
          { operatorCompanyId: 3, name: "Hyderabad plant 2", stateCode: "IN-TS", stage: "announced" },
          { operatorCompanyId: 3, name: "Silvassa plant", stateCode: "IN-DN", stage: "announced" },
          { operatorCompanyId: 3, name: "Nowhere plant", stateCode: "IN-XX", stage: "announced" },
        ])
        .run();
      // One commitment linked under both Telangana codes must count once.
      t.db
        .insert(commitmentStates)
        .values([
          { commitmentId: 1, stateCode: "IN-TG" },
          { commitmentId: 1, stateCode: "IN-TS" },
          { commitmentId: 2, stateCode: "IN-TG" },
          { commitmentId: 2, stateCode: "IN-XX" },
        ])
        .run();
      const { states, unrecognised } = listStates(t.db);
      const byCode = new Map(states.map((s) => [s.code, s]));
      expect(byCode.get("IN-TS")).toMatchObject({ name: "Telangana", facilities: 2, commitments: 2 });
      expect(byCode.get("IN-DH")).toMatchObject({ facilities: 1, commitments: 0 });
      expect(states.map((s) => s.code)).not.toContain("IN-TG");
      expect(unrecognised).toEqual([{ code: "IN-XX", facilities: 1, commitments: 1 }]);

      const telangana = getState(t.db, "IN-TS", PAGES);
      expect(telangana?.facilities.items.map((f) => [f.name, f.state.storedCode, f.state.code])).toEqual([
        ["Hyderabad plant", "IN-TG", "IN-TS"],
        ["Hyderabad plant 2", "IN-TS", "IN-TS"],
      ]);
      expect(telangana?.commitments.total).toBe(2);
      expect(telangana?.commitments.items.map((c) => c.id).sort()).toEqual([1, 2]);
    } finally {
      t.cleanup();
    }
  });
});

describe("getState", () => {
  it("shows the Noida facility under Uttar Pradesh, with its operator and sources", () => {
    const up = getState(db, "IN-UP", PAGES);
    expect(up?.state).toMatchObject({ code: "IN-UP", name: "Uttar Pradesh", kind: "state" });
    expect(up?.facilities.total).toBe(1);
    expect(up?.facilities.items[0]).toMatchObject({
      name: "Optiemus Electronics factory, Noida",
      operator: { slug: "optiemus-electronics" },
      state: { code: "IN-UP", name: "Uttar Pradesh" },
    });
    expect(up?.facilities.items[0]?.sources).toHaveLength(2);
    expect(up?.commitments.total).toBe(0);
  });

  it("shows Foxconn's land and commitment under Karnataka, with computed status", () => {
    const ka = getState(db, "IN-KA", PAGES);
    expect(ka?.facilities.items[0]?.investmentLabel).toBe("US$3,70,00,000 (US$3.7 crore)");
    expect(ka?.commitments.items).toHaveLength(1);
    expect(ka?.commitments.items[0]).toMatchObject({
      company: { slug: "foxconn" },
      evidenceGrade: "agreement_or_land",
      status: { status: "no_data", label: "No data" },
    });
  });

  it.each([["in-up"], ["IN-TG"], ["IN-XX"], ["UP"], [""]])(
    "returns null for %j, which is not a current code",
    (code) => {
      expect(getState(db, code, PAGES)).toBeNull();
    },
  );

  it("pages each list on its own", () => {
    const empty = getState(db, "IN-UP", { ...PAGES, facilitiesPage: 2 });
    expect(empty?.facilities.items).toEqual([]);
    expect(empty?.facilities.total).toBe(1);
    expect(empty?.facilities.page).toBe(2);
  });
});
