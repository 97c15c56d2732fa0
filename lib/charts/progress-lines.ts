// The two lines of the progress chart, shared by the chart (in the browser), its legend (drawn
// on the server with the page, so it reads before the chart's script arrives) and its server SVG
// (progress-svg.ts: embeds and images).
export const PROGRESS_LINES = [
  { label: "Straight line to target", color: "#6b6b6b", dash: "6 4" },
  { label: "Recorded progress", color: "#0b5394", dash: undefined },
] as const;
