"use client";

import { useEffect } from "react";

/**
 * After Watch / Stop watching, the action sends the browser back to the record's page at #watch.
 * Without JavaScript the browser moves its focus starting point there itself; with it, the
 * router renders the page afresh and focus would fall back to the top, so the button that was
 * pressed (now with the other words) takes it again.
 */
export function FocusOnArrival({ anchor }: { anchor: string }) {
  useEffect(() => {
    if (window.location.hash !== `#${anchor}`) return;
    document.getElementById(anchor)?.querySelector<HTMLElement>("button, a")?.focus();
  }, [anchor]);
  return null;
}
