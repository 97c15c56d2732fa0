// Addresses of charts (issue 14). Every chart in the registry (app/charts/registry.ts) has a path
// such as "dashboard/by-sector" or "commitments/12/progress", and is served at
//   /embed/<path>            the chart alone, to frame in another site
//   /charts/<path>.svg       the chart as a file
//   /charts/<path>.png       the same, drawn as PNG at twice its size
//   /charts/<path>.card.png  a 1200×630 share image (Open Graph, Twitter) with the chart's title
// A registry entry names its path with a pattern: literal segments and :parameters.

/** A segment as the frameable-path rule allows it (lib/security/csp.ts): no dots first, no escapes. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export type ChartParams = Record<string, string>;

/** The parameters of `segments` if they fill `pattern` ("commitments/:id/progress"), else null. */
export function matchChartPattern(pattern: string, segments: readonly string[]): ChartParams | null {
  const parts = pattern.split("/");
  if (parts.length !== segments.length) return null;
  const params: ChartParams = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string;
    if (!SEGMENT.test(segment)) return null;
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

export const IMAGE_FORMATS = ["svg", "png", "card.png"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Splits /charts/… segments into the chart's own and the format its last one ends with. */
export function parseImagePath(
  segments: readonly string[],
): { segments: string[]; format: ImageFormat } | null {
  const last = segments.at(-1);
  if (last === undefined) return null;
  // Longest suffix first: "x.card.png" is a card, not a PNG of a chart called "x.card".
  for (const format of [...IMAGE_FORMATS].sort((a, b) => b.length - a.length)) {
    const suffix = `.${format}`;
    if (last.endsWith(suffix) && last.length > suffix.length) {
      return { segments: [...segments.slice(0, -1), last.slice(0, -suffix.length)], format };
    }
  }
  return null;
}

export const embedPath = (path: string) => `/embed/${path}`;
export const imagePath = (path: string, format: ImageFormat) => `/charts/${path}.${format}`;
