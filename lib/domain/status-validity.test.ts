import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./dates";
import { computeStatus, type ProgressPoint, type StatusInput, type StatusResult } from "./status";
import { statusValidUntil, VALID_FOREVER } from "./status-validity";
import type { Direction } from "./vocabulary";

const p = (asOf: string, value: number): ProgressPoint => ({ asOf, value });

function xiaomi(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 50,
    dueOn: "2025-12-31",
    withdrawnOn: null,
    progress: [],
    ...overrides,
  };
}

// Expected dates worked out from the rules by hand: 2023-05-29 + 366 days is 2024-05-29 (the
// year in between holds 29 February 2024), the first day its evidence is more than 365 days old.
describe("statusValidUntil, case by case", () => {
  it.each<[string, StatusInput, string, string]>([
    [
      "Xiaomi on 2026-11-25: overdue, already stale, nothing can change",
      xiaomi(),
      "2026-11-25",
      VALID_FOREVER,
    ],
    ["Xiaomi before its baseline evidence goes stale", xiaomi(), "2024-01-01", "2024-05-29"],
    ["Xiaomi stale and open: the day after the due date", xiaomi(), "2025-06-01", "2026-01-01"],
    ["Xiaomi on its due date: the next day", xiaomi(), "2025-12-31", "2026-01-01"],
    [
      "a progress update dated in the future becomes usable on its date",
      xiaomi({ progress: [p("2025-03-01", 10)] }),
      "2025-02-01",
      "2025-03-01",
    ],
    [
      "progress before the baseline never becomes usable",
      xiaomi({ progress: [p("2023-01-01", 10)] }),
      "2025-06-01",
      "2026-01-01",
    ],
    [
      "a value that is not finite never becomes usable",
      xiaomi({ progress: [p("2025-09-01", Number.NaN)] }),
      "2025-06-01",
      "2026-01-01",
    ],
    [
      "recent evidence goes stale 366 days after its date",
      // 2025-05-01 to 2026-05-01 is 365 days, not yet more than 365.
      xiaomi({ dueOn: "2027-12-31", progress: [p("2025-05-01", 20)] }),
      "2025-06-01",
      "2026-05-02",
    ],
    [
      "achieved stays achieved: only future evidence could change what is shown",
      xiaomi({ progress: [p("2024-01-01", 60)] }),
      "2024-06-01",
      VALID_FOREVER,
    ],
    [
      "achieved, with a later update still to come",
      xiaomi({ progress: [p("2024-01-01", 60), p("2027-01-01", 70)] }),
      "2024-06-01",
      "2027-01-01",
    ],
    ["withdrawn stays withdrawn", xiaomi({ withdrawnOn: "2024-01-01" }), "2024-02-01", VALID_FOREVER],
    ["missed stays missed", xiaomi({ progress: [p("2026-02-01", 10)] }), "2026-03-01", VALID_FOREVER],
    [
      "undated with progress: only staleness moves it",
      xiaomi({ dueOn: null, progress: [p("2024-02-01", 10)] }),
      "2024-06-01",
      "2025-02-01",
    ],
    ["a due date at the end of the calendar", xiaomi({ dueOn: "9999-12-31" }), "2023-06-01", "2024-05-29"],
  ])("%s", (_name, input, today, expected) => {
    expect(statusValidUntil(input, today)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force: for many generated commitments and dates, the status computed on every day from
// `today` to the day before the validity date is the status computed on `today`.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WINDOW_START = "2023-01-01";
const WINDOW_DAYS = 1400;

function generateCase(random: () => number): { input: StatusInput; today: string } {
  const day = (lo = 0, hi = WINDOW_DAYS) => addDays(WINDOW_START, lo + Math.floor(random() * (hi - lo)));
  const direction: Direction = random() < 0.8 ? "increase" : "decrease";
  const baselineValue = direction === "increase" ? 0 : 100;
  const targetValue = random() < 0.05 ? baselineValue : direction === "increase" ? 100 : 40;
  const baselineDate = day(0, 700);
  const offset = daysBetween(WINDOW_START, baselineDate);
  const dueOn = random() < 0.15 ? null : day(offset, WINDOW_DAYS);
  const progress: ProgressPoint[] = [];
  const count = Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const value =
      random() < 0.05 ? Number.NaN : baselineValue + (targetValue - baselineValue) * random() * 1.3;
    // Some before the baseline, some far in the future: both must be handled.
    progress.push(p(day(Math.max(0, offset - 100), WINDOW_DAYS + 200), value));
  }
  return {
    input: {
      direction,
      baselineValue,
      baselineDate,
      targetValue,
      dueOn,
      withdrawnOn: random() < 0.05 ? day() : null,
      progress,
    },
    today: day(),
  };
}

const observable = (r: StatusResult) => ({
  status: r.status,
  stale: r.stale,
  latest: r.latest,
  percentOfWay: r.percentOfWay,
});

describe("statusValidUntil, against computeStatus by brute force", () => {
  it.each([1, 2, 3, 4, 5])("holds for 400 generated commitments (seed %i)", (seed) => {
    const random = mulberry32(seed);
    let changedOnValidityDate = 0;
    let finite = 0;
    for (let n = 0; n < 400; n++) {
      const { input, today } = generateCase(random);
      const onToday = observable(computeStatus(input, today));
      const until = statusValidUntil(input, today);
      expect(until > today).toBe(true);
      // Past every date in the case, nothing more can happen; checking that far is enough.
      const horizon = until === VALID_FOREVER ? addDays(today, 3 * 365 + WINDOW_DAYS) : until;
      for (let d = addDays(today, 1); d < horizon; d = addDays(d, 1)) {
        const later = observable(computeStatus(input, d));
        if (JSON.stringify(later) !== JSON.stringify(onToday)) {
          throw new Error(
            `Changed on ${d}, before ${until}: ${JSON.stringify({ input, today, onToday, later })}`,
          );
        }
      }
      if (until !== VALID_FOREVER) {
        finite++;
        if (JSON.stringify(observable(computeStatus(input, until))) !== JSON.stringify(onToday)) {
          changedOnValidityDate++;
        }
      }
    }
    // Not a rule, but a check that the dates are not needlessly early: most of them are real changes.
    expect(changedOnValidityDate / finite).toBeGreaterThan(0.6);
  });
});
