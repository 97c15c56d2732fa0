"use client";

/**
 * Saves the chart drawn inside the element with `targetId` as a standalone SVG file. The chart is
 * already SVG in the page, so this only copies it out; a few hundred bytes of script.
 */
export function SvgDownloadButton({ targetId, filename }: { targetId: string; filename: string }) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        const svg = document.querySelector(`#${CSS.escape(targetId)} svg`);
        if (!svg) return;
        const copy = svg.cloneNode(true) as SVGSVGElement;
        copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        // Outside the page the box has no width: give the file its drawing's own size.
        const [, , width, height] = (copy.getAttribute("viewBox") ?? "").split(" ");
        if (width && height) {
          copy.setAttribute("width", width);
          copy.setAttribute("height", height);
        }
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
