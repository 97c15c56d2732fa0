"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and during hydration, true afterwards. Widgets that only work
 * with JavaScript (a listbox of suggestions) render as plain HTML until then, so a page without
 * JavaScript never announces a control that cannot work.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
