"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Copies the text of the element `targetId` names. Without JavaScript (or a clipboard) the text
 * stays selectable in its box, so the button only appears once it can work.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  // False on the server and during hydration, which cannot know whether a clipboard exists.
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.clipboard?.writeText === "function",
    () => false,
  );
  if (!canCopy) return null;
  async function copy() {
    const text = document.getElementById(targetId)?.textContent ?? "";
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      {/* A live region without role="status", so the page's own status notice stays the only one. */}
      <span aria-live="polite" className="meta">
        {state === "copied"
          ? " Copied."
          : state === "failed"
            ? " Could not copy: select the text instead."
            : ""}
      </span>
    </span>
  );
}
