import type { Db } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import { getCompany } from "@/db/queries/companies";
import { dashboardData } from "@/db/queries/dashboard";
import { explorerFacets } from "@/db/queries/explorer";
import { dashboardCharts, explore, statusSeries } from "@/app/dashboard-charts";
import type { PanelRow } from "@/lib/charts/rows";
import { barChartInput, barChartSvg, type ChartSpec } from "@/lib/charts/bar-svg";
import { matchChartPattern, type ChartParams } from "@/lib/charts/chart-path";
import type { ChartFigure } from "@/lib/charts/figure";
import { progressChartSvg } from "@/lib/charts/progress-svg";
import { MAP_SVG_HEIGHT, MAP_SVG_WIDTH, defaultMapTitle, renderIndiaMapSvg } from "@/lib/charts/india-map";
import { measureFromParam, measureParam } from "@/lib/charts/map-measure";
import { stateMapData } from "@/db/queries/state-map";
import { emptyChartSvg } from "@/lib/charts/standalone";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatValue } from "@/lib/domain/format";
import { canonicalStateCode, findState } from "@/lib/domain/india-states";
import { progressSeries } from "@/lib/domain/progress-series";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/status";
import { RecordIdSchema } from "@/lib/validation/api-params";
import { CompanySlugSchema } from "@/lib/validation/directory-params";
import { DEFAULT_EXPLORER_QUERY, type ExplorerQuery } from "@/lib/validation/explorer-params";

// Every chart that has an address of its own (issue 14). An entry names its address with a
// pattern and draws its figure for given parameters; the embed (/embed/<path>), the files
// (/charts/<path>.svg|.png) and the share image (/charts/<path>.card.png) all come from here, so a
// chart added to this list gets all four. The map of India joins as one more entry (see
// docs/decisions/0027).

export type ChartEntry = {
  /** Literal segments and :parameters below /embed/ and /charts/ (lib/charts/chart-path.ts). */
  pattern: string;
  /** The chart at these parameters as of `today`, drawn standalone; null when there is none (404). */
  figure: (db: Db, params: ChartParams, today: string) => ChartFigure | null;
};

function barFigure(
  spec: { id: string; title: string; description: string; chart: ChartSpec; rows: readonly PanelRow[] },
  figure: Pick<ChartFigure, "path" | "kicker" | "pageHref" | "asOf">,
): ChartFigure {
  const head = { id: spec.id, title: spec.title, description: spec.description };
  // A chart with nothing in it yet still answers, so that a page's share image is never a 404.
  const chart =
    barChartSvg({ ...head, ...barChartInput(spec.chart, spec.rows) }, { standalone: true }) ??
    emptyChartSvg(head);
  return { ...figure, title: spec.title, description: spec.description, chart };
}

/** Every chart of the dashboard: /embed/dashboard/by-sector, …/deadlines, …/states, …/investment-inr. */
const dashboard: ChartEntry = {
  pattern: "dashboard/:chart",
  figure(db, params, today) {
    const spec = dashboardCharts(dashboardData(db, today)).find((c) => c.slug === params.chart);
    if (!spec) return null;
    return barFigure(spec, {
      path: `dashboard/${spec.slug}`,
      kicker: "Dashboard",
      pageHref: `/#${spec.id}`,
      asOf: today,
    });
  },
};

/** A commitment's progress against the straight line to its target, as on its page. */
const progress: ChartEntry = {
  pattern: "commitments/:id/progress",
  figure(db, params, today) {
    const id = RecordIdSchema.safeParse(params.id);
    if (!id.success) return null;
    const c = getCommitment(db, id.data, today);
    if (!c) return null;
    const series = progressSeries(c, c.progress, today);
    const latest = c.status.latest;
    const title = `Progress: ${c.title}`;
    const description = [
      `${c.company.name}: from ${formatValue(c.baselineValue, c.unit)} on ${formatIndiaDate(c.baselineDate)} to ${formatValue(c.targetValue, c.unit)}`,
      c.dueOn ? ` by ${c.deadlineLabel}.` : ", with no deadline named.",
      latest
        ? ` Latest recorded: ${formatValue(latest.value, c.unit)} on ${formatIndiaDate(latest.asOf)}.`
        : " Nothing recorded since the baseline.",
      ` Status: ${STATUS_LABELS[c.status.status]}.`,
    ].join("");
    const chart = progressChartSvg(
      {
        id: `commitment-${c.id}-progress`,
        title,
        description,
        series,
        unitSuffix: c.unit === "percent" ? "%" : "",
      },
      { standalone: true },
    );
    if (!chart) return null;
    return {
      path: `commitments/${c.id}/progress`,
      title,
      description,
      kicker: c.company.name,
      chart,
      pageHref: `/commitments/${c.id}#chart-heading`,
      asOf: today,
    };
  },
};

/** Commitments by status under one filter, one bar per status: a company's or a state's summary. */
function statusSummary(db: Db, filter: Partial<ExplorerQuery>, today: string): PanelRow[] {
  const counts = explorerFacets(db, { ...DEFAULT_EXPLORER_QUERY, ...filter }, today).status.values;
  return STATUSES.flatMap((s) => {
    const count = counts.find((v) => v.value === s)?.count ?? 0;
    return count > 0
      ? [
          {
            label: STATUS_LABELS[s],
            values: { [s]: count },
            hrefs: { [s]: explore({ ...filter, status: [s] }) },
          },
        ]
      : [];
  });
}

const summaryChart: ChartSpec = {
  series: statusSeries,
  stacked: true,
  valueLabel: "Commitments",
  integer: true,
};

/** A company's commitments by status. */
const company: ChartEntry = {
  pattern: "companies/:slug/summary",
  figure(db, params, today) {
    const slug = CompanySlugSchema.safeParse(params.slug);
    if (!slug.success) return null;
    const found = getCompany(db, slug.data, { page: 1, perPage: 1, today });
    if (!found) return null;
    return barFigure(
      {
        id: `company-${found.slug}-summary`,
        title: `${found.name}: commitments by status`,
        description: `The current commitments of ${found.name}, by status as of ${formatIndiaDate(today)}. Select a bar to see those commitments.`,
        chart: summaryChart,
        rows: statusSummary(db, { company: [found.slug] }, today),
      },
      {
        path: `companies/${found.slug}/summary`,
        kicker: found.name,
        pageHref: `/companies/${found.slug}`,
        asOf: today,
      },
    );
  },
};

/** The commitments made for one state or union territory, by status. */
const state: ChartEntry = {
  pattern: "states/:code/summary",
  figure(db, params, today) {
    const code = canonicalStateCode(params.code ?? "");
    const place = code ? findState(code) : null;
    if (!code || !place || code !== params.code) return null;
    return barFigure(
      {
        id: `state-${code}-summary`,
        title: `${place.name}: commitments by status`,
        description: `Commitments naming ${place.name}, by status as of ${formatIndiaDate(today)}. Select a bar to see those commitments.`,
        chart: summaryChart,
        rows: statusSummary(db, { state: [code] }, today),
      },
      { path: `states/${code}/summary`, kicker: place.name, pageHref: `/states/${code}`, asOf: today },
    );
  },
};

/**
 * The map of India shaded by one measure: /embed/states/map/commitments, …/map/investment-usd.
 * The coarse outline keeps the embed within its 30 KB (decision 0026); shapes are named but not
 * links, as bars are not in a standalone chart, and the link back leads to the map that has them.
 */
const map: ChartEntry = {
  pattern: "states/map/:measure",
  figure(db, params, today) {
    const measure = measureFromParam(params.measure ?? "");
    // One address per measure: "Commitments" or "investment-USD" would be a second copy to cache.
    if (!measure || measureParam(measure) !== params.measure) return null;
    const data = stateMapData(db, measure, today);
    const title = defaultMapTitle(data);
    return {
      path: `states/map/${params.measure}`,
      title,
      description: `${title}, as of ${formatIndiaDate(today)}: each state or union territory shaded by its figure. Ladakh is counted within the Jammu and Kashmir shape, which predates its separation.`,
      kicker: "States and union territories",
      chart: {
        markup: renderIndiaMapSvg(data, { detail: "coarse", links: false }),
        width: MAP_SVG_WIDTH,
        height: MAP_SVG_HEIGHT,
      },
      pageHref: `/states?measure=${encodeURIComponent(params.measure)}#map-heading`,
      asOf: today,
    };
  },
};

export const CHART_REGISTRY: readonly ChartEntry[] = [dashboard, progress, company, state, map];

/** The chart at an address's segments (decoded, as Next passes a catch-all), or null. */
export function chartFigure(db: Db, segments: readonly string[], today: string): ChartFigure | null {
  for (const entry of CHART_REGISTRY) {
    const params = matchChartPattern(entry.pattern, segments);
    if (params) return entry.figure(db, params, today);
  }
  return null;
}
