"use client";

/** Saves the chart drawn inside the element with `targetId` as a standalone SVG file. */
export function SvgDownloadButton({ targetId, filename }: { targetId: string; filename: string }) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        const svg = document.querySelector(`#${CSS.escape(targetId)} .recharts-wrapper > svg`);
        if (!svg) return;
        const copy = svg.cloneNode(true) as SVGSVGElement;
        copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        copy.setAttribute("font-family", "system-ui, sans-serif");
        const blob = new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      Download image (SVG)
    </button>
  );
}
