import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { issue11Verdicts, renderIssue11 } from "./report-issue11";
import { ENDPOINTS, type RunResults, type ScaleResult } from "./results";

function loadResult(rps: number, p99: number, bytesPerResponse = 50_000): LoadResult {
  return {
    url: "http://127.0.0.1/",
    connections: 10,
    seconds: 10,
    rps,
    rpsMean: rps,
    p50: p99 / 2,
    p99,
    max: p99 * 2,
    responses: rps * 10,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    bytesPerResponse,
  };
}

function scale(build: "new" | "baseline", rps: number, p99: number, hwmBytes: number): ScaleResult {
  return {
    build,
    commitments: 100_000,
    database: { reused: true, makeSeconds: 0, sizeBytes: 1 },
    samples: {
      commitmentId: 1,
      companySlug: "a",
      commitmentCompanySlug: "a",
      companyCommitments: 1,
      explorerMatches: 1,
      sizeBytes: 1,
    },
    paths: Object.fromEntries(ENDPOINTS.map((e) => [e, `/${e}`])) as ScaleResult["paths"],
    endpoints: Object.fromEntries(ENDPOINTS.map((e) => [e, loadResult(rps, p99)])),
    memory: { sampledRssBytes: hwmBytes, hwmBytes, atStart: null },
    loadAverage: "0",
  };
}

function run(o: {
  newRps: number;
  newP99: number;
  oldRps: number;
  hwm?: number;
  firstMs?: number;
  fresh?: boolean;
  renders?: number | null;
  proxy?: [number, number];
  mode?: "full" | "smoke";
}): RunResults {
  const MB = 1024 * 1024;
  return {
    mode: o.mode ?? "full",
    startedAt: "2026-12-05T19:00:00Z",
    finishedAt: "2026-12-05T19:30:00Z",
    machine: { cpus: 2, cpuModel: "x", memoryBytes: 1, node: "v20", os: "Linux" },
    git: { head: "abc", changedFiles: 0 },
    buildId: "b",
    settings: { connections: 10, warmupSeconds: 3, measureSeconds: 10 },
    scales: [scale("new", o.newRps, o.newP99, (o.hwm ?? 200) * MB)],
    baseline: {
      rev: "bdd6cad",
      sha: "bdd6cad000",
      buildId: "old",
      kind: "next",
      reused: true,
      buildSeconds: 0,
      lockfileDiffers: false,
      scale: scale("baseline", o.oldRps, 600, 566 * MB),
    },
    firstRequests: {
      commitments: 100_000,
      new: {
        repetitions: 3,
        versions: { before: 1, after: 4 },
        views: [
          {
            name: "commitment",
            path: "/commitments/1",
            timings: [o.firstMs ?? 100, o.firstMs ?? 100, o.firstMs ?? 100],
            median: o.firstMs ?? 100,
            max: o.firstMs ?? 100,
            cache: ["MISS"],
            fresh: o.fresh ?? true,
          },
        ],
      },
    },
    visits: {
      commitments: 100_000,
      new: [
        {
          kind: "cold",
          path: "/commitments",
          idleMs: 5000,
          renders: o.renders === undefined ? 1 : o.renders,
          hits: 0,
          misses: 1,
          requests: ["GET /commitments (document)"],
          staticRequests: 10,
        },
      ],
    },
    proxy: o.proxy && {
      commitments: 100_000,
      replay: {
        seconds: 20,
        connections: 10,
        paths: ["/"],
        responses: o.proxy[1],
        perSecond: 1,
        p50: 1,
        p99: 2,
        statuses: { "200": o.proxy[1] },
        cacheStatuses: { HIT: o.proxy[0], MISS: o.proxy[1] - o.proxy[0] },
        share: {
          total: o.proxy[1],
          proxy: o.proxy[0],
          upstream: o.proxy[1] - o.proxy[0],
          unknown: 0,
          share: o.proxy[0] / o.proxy[1],
        },
        app: null,
        errors: 0,
      },
      freshness: { seconds: 3.2, limitSeconds: 40, seen: "HIT×3, STALE" },
      command: "nginx",
    },
    commands: [],
  };
}

const verdict = (r: RunResults, starts: string) => {
  const v = issue11Verdicts(r).find((x) => x.measure.startsWith(starts));
  if (!v) throw new Error(`no verdict starting ${starts}`);
  return v;
};

describe("issue11Verdicts", () => {
  it.each([
    // new req/s, baseline req/s, met?
    [1000, 100, true],
    [999, 100, false],
    [5000, 36, true],
  ])("throughput %d against the baseline's %d: met %s", (newRps, oldRps, met) => {
    const v = verdict(run({ newRps, newP99: 10, oldRps }), "`/`: throughput");
    expect(v.met).toBe(met);
    expect(v.target).toBe("≥ 10×");
  });

  it.each([
    [49.9, true],
    [50, false],
    [120, false],
  ])("p99 of %d ms: met %s", (p99, met) => {
    expect(verdict(run({ newRps: 1000, newP99: p99, oldRps: 10 }), "`/api/v1/commitments`: p99").met).toBe(
      met,
    );
  });

  it.each([
    [120, true, true],
    [299, true, true],
    [300, true, false],
    [100, false, false],
  ])("first request of %d ms, fresh %s: met %s", (firstMs, fresh, met) => {
    expect(verdict(run({ newRps: 1000, newP99: 1, oldRps: 10, firstMs, fresh }), "First request").met).toBe(
      met,
    );
  });

  it.each([
    [1, true],
    [3, true],
    [4, false],
    [null, null],
  ])("a visit of %s renders: met %s", (renders, met) => {
    expect(verdict(run({ newRps: 1, newP99: 1, oldRps: 1, renders }), "Server renders").met).toBe(met);
  });

  it.each([
    [290, true],
    [300, false],
  ])("peak RSS of %d MB: met %s", (hwm, met) => {
    const v = verdict(run({ newRps: 1, newP99: 1, oldRps: 1, hwm }), "Server peak RSS");
    expect(v.met).toBe(met);
    expect(v.figure).toBe(`${hwm} MB (baseline 566 MB)`);
  });

  it.each([
    [[95, 100], true],
    [[94, 100], false],
  ] as const)("nginx answering %j: met %s", (proxy, met) => {
    expect(
      verdict(run({ newRps: 1, newP99: 1, oldRps: 1, proxy: [...proxy] }), "Replayed read mix").met,
    ).toBe(met);
  });

  it("leaves time-based targets unjudged on a smoke run", () => {
    const r = run({ newRps: 1, newP99: 999, oldRps: 1, mode: "smoke" });
    expect(verdict(r, "`/`: p99").met).toBeNull();
    expect(verdict(r, "`/`: throughput").met).toBeNull();
  });
});

describe("renderIssue11", () => {
  it("writes the verdicts and the baseline's first requests beside the new build's", () => {
    const text = renderIssue11(run({ newRps: 2000, newP99: 4, oldRps: 40, proxy: [97, 100] })).join("\n");
    expect(text).toContain("### Targets (issue 11: cached public reads)");
    expect(text).toContain(
      "| `/`: throughput ÷ baseline's, at 100,000 | ≥ 10× | 2,000 ÷ 40 req/s = 50.00× | met |",
    );
    expect(text).toContain("97 of 100 (97.0%)");
    expect(text).toContain("| new | cold `/commitments` | 1 | 1 | 10 |");
  });
});
