import type { MemorySample } from "./app-server";
import type { Samples } from "./databases";
import type { LighthouseResult } from "./lighthouse";
import type { LoadResult } from "./load";
import type { PageWeight } from "./page-weight";
import type { ProxyFreshness, ReplayResult } from "./proxy";
import type { FirstRequestResult } from "./publication";
import type { Visit } from "./visit";
import type { SearchResult } from "./search";
import type { SubmissionResult } from "./submissions";

// The shape of one run's results: what run.ts gathers, report.ts writes, and the JSON file keeps.

export const ENDPOINTS = ["dashboard", "explorer", "commitment", "company", "deadlines", "api"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export type ScaleResult = {
  /** The build measured: this checkout's, or the baseline's (`--baseline`). */
  build: "new" | "baseline";
  commitments: number;
  database: { reused: boolean; makeSeconds: number; sizeBytes: number };
  samples: Samples;
  paths: Record<Endpoint, string>;
  endpoints: Partial<Record<Endpoint, LoadResult>>;
  /** The API on the app and on the bare floor, in turns. */
  floorRounds?: { app: LoadResult; floor: LoadResult }[];
  memory: { sampledRssBytes: number; hwmBytes: number; atStart: MemorySample | null };
  loadAverage: string;
};

export type Machine = { cpus: number; cpuModel: string; memoryBytes: number; node: string; os: string };

export type RunResults = {
  mode: "full" | "smoke";
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  git: { head: string; changedFiles: number };
  buildId: string;
  settings: { connections: number; warmupSeconds: number; measureSeconds: number; rounds?: number };
  /** The new build, by scale. */
  scales: ScaleResult[];
  /** The baseline build at the largest scale, loaded in turns with the new build (issue 11). */
  baseline?: {
    rev: string;
    sha: string;
    buildId: string;
    kind: "tracker" | "next";
    reused: boolean;
    buildSeconds: number;
    lockfileDiffers: boolean;
    scale: ScaleResult;
  };
  search?: SearchResult & { commitments: number };
  submissions?: SubmissionResult & { commitments: number };
  pageWeights?: PageWeight[];
  pageWeightScale?: number;
  lighthouse?: LighthouseResult[];
  lighthouseScale?: number;
  /** One real visit, cold then warm, on freshly started servers at the largest scale (issue 11). */
  visits?: { commitments: number; new: Visit[]; baseline?: Visit[] };
  /** The first request of each view after a publication, at the largest scale (issue 11). */
  firstRequests?: { commitments: number; new: FirstRequestResult; baseline?: FirstRequestResult };
  /** A read mix replayed through nginx in front of the new build at the largest scale (issue 11). */
  proxy?: { commitments: number; replay: ReplayResult; freshness: ProxyFreshness; command: string };
  commands: string[];
};
