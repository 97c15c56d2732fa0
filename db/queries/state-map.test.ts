import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitments, commitmentStates, facilities } from "../schema";
import { stateMapData } from "./state-map";
import type { MapMeasure } from "@/lib/charts/map-measure";
import { INDIA_STATES } from "@/lib/domain/india-states";
import { STATUSES } from "@/lib/domain/status";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
const COMMITMENTS: MapMeasure = { kind: "commitments", status: null };

function figures(db: Db, measure: MapMeasure) {
  const d = stateMapData(db, measure, TODAY);
  return {
    state: (code: string) => d.states.find((s) => s.code === code)?.value,
    shape: (id: string) => d.shapes.find((s) => s.id === id)?.value,
    data: d,
  };
}

describe("stateMapData on the seed", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  it("gives every state and every shape a figure, zeros included", () => {
    const { data } = figures(db, COMMITMENTS);
    expect(data.states.map((s) => s.code)).toEqual(INDIA_STATES.map((s) => s.code));
    expect(data.shapes).toHaveLength(35);
    expect(data).toMatchObject({ measure: COMMITMENTS, asOf: TODAY, currencies: ["USD"] });
  });

  it.each([
    ["commitments", COMMITMENTS, { "IN-KA": 1, "IN-UP": 0 }],
    ["facilities", { kind: "facilities" } as const, { "IN-KA": 1, "IN-UP": 1, "IN-LD": 0 }],
    [
      "investment in USD",
      { kind: "investment", currency: "USD" } as const,
      { "IN-KA": 37_000_000, "IN-UP": 0 },
    ],
    ["investment in INR", { kind: "investment", currency: "INR" } as const, { "IN-KA": 0, "IN-UP": 0 }],
  ])("counts %s", (_, measure, expected) => {
    const { state, shape } = figures(db, measure);
    for (const [code, value] of Object.entries(expected)) {
      expect(state(code), code).toBe(value);
      expect(shape(code), code).toBe(value);
    }
  });
});

describe("stateMapData on records made for it", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    db.insert(facilities)
      .values([
        {
          operatorCompanyId: 3,
          name: "A",
          stateCode: "IN-TG",
          stage: "announced",
          investmentAmount: 100,
          investmentCurrency: "INR",
        },
        {
          operatorCompanyId: 3,
          name: "B",
          stateCode: "IN-TS",
          stage: "announced",
          investmentAmount: 50,
          investmentCurrency: "INR",
        },
        {
          operatorCompanyId: 3,
          name: "C",
          stateCode: "IN-TS",
          stage: "announced",
          investmentAmount: 7,
          investmentCurrency: "USD",
        },
        {
          operatorCompanyId: 3,
          name: "D",
          stateCode: "IN-TS",
          stage: "announced",
          investmentAmount: 1000,
          investmentCurrency: "INR",
          withdrawnOn: "2026-01-01",
          withdrawnReason: "test",
        },
        {
          operatorCompanyId: 3,
          name: "E",
          stateCode: "IN-LA",
          stage: "announced",
          investmentAmount: 3,
          investmentCurrency: "EUR",
        },
        { operatorCompanyId: 3, name: "F", stateCode: "IN-JK", stage: "announced" },
        {
          operatorCompanyId: 3,
          name: "G",
          stateCode: "IN-XX",
          stage: "announced",
          investmentAmount: 9,
          investmentCurrency: "INR",
        },
      ])
      .run();
    db.insert(commitmentStates)
      .values([
        // Commitment 1 names Jammu and Kashmir and Ladakh: the shared shape counts it once.
        { commitmentId: 1, stateCode: "IN-JK" },
        { commitmentId: 1, stateCode: "IN-LA" },
        { commitmentId: 2, stateCode: "IN-LA" },
        // Under a former and the current code of Telangana: once.
        { commitmentId: 1, stateCode: "IN-TG" },
        { commitmentId: 1, stateCode: "IN-TS" },
        // Commitment 3 will be superseded: not counted.
        { commitmentId: 3, stateCode: "IN-TS" },
      ])
      .run();
    db.update(commitments).set({ supersededById: 1 }).where(eq(commitments.id, 3)).run();
  });
  afterAll(() => cleanup());

  it("counts current commitments once per state, under the current code, and once per shared shape", () => {
    const { state, shape } = figures(db, COMMITMENTS);
    expect([state("IN-JK"), state("IN-LA"), shape("IN-JK")]).toEqual([1, 2, 2]);
    expect([state("IN-TS"), shape("IN-TS")]).toEqual([1, 1]);
    expect(figures(db, COMMITMENTS).data.shapes.some((s) => s.id === "IN-LA")).toBe(false);
  });

  it("splits commitments by status, one status at a time, adding up to all of them", () => {
    const all = figures(db, COMMITMENTS).data;
    const byStatus = STATUSES.map((status) => figures(db, { kind: "commitments", status }).data);
    for (const [i, s] of all.states.entries()) {
      expect(
        byStatus.reduce((n, d) => n + (d.states[i]?.value ?? 0), 0),
        s.code,
      ).toBe(s.value);
    }
    for (const [i, s] of all.shapes.entries()) {
      expect(
        byStatus.reduce((n, d) => n + (d.shapes[i]?.value ?? 0), 0),
        s.id,
      ).toBe(s.value);
    }
  });

  it("counts facilities less withdrawn ones, adding Ladakh's into the shared shape", () => {
    const { state, shape } = figures(db, { kind: "facilities" });
    expect(state("IN-TS")).toBe(3);
    expect([state("IN-JK"), state("IN-LA"), shape("IN-JK")]).toEqual([1, 1, 2]);
  });

  it.each([
    ["INR", 150, 0],
    ["USD", 7, 0],
    ["EUR", 0, 3],
    ["JPY", 0, 0],
  ])("sums investment in %s alone, never adding another currency", (currency, telangana, ladakh) => {
    const { state, shape, data } = figures(db, { kind: "investment", currency });
    expect([state("IN-TS"), shape("IN-TS")]).toEqual([telangana, telangana]);
    expect([state("IN-LA"), shape("IN-JK")]).toEqual([ladakh, ladakh]);
    expect(data.currencies).toEqual(["EUR", "INR", "USD"]);
  });
});
