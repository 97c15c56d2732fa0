"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

// Companies already on the tracker whose names contain what a contributor is typing, from the
// public API: the form only needs the slug it submits and the name a person recognises.

export type CompanySuggestion = { slug: string; name: string; withdrawn: boolean };

export const SUGGESTION_LIMIT = 8;

export const companySuggestionsKey = (q: string) => ["companies", { q, per_page: SUGGESTION_LIMIT }] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The API's answer narrowed to what the suggestions show; anything unexpected is skipped, not trusted. */
export function suggestionsFrom(body: unknown): CompanySuggestion[] {
  if (!isRecord(body) || !Array.isArray(body.data)) return [];
  return body.data.flatMap((c: unknown) =>
    isRecord(c) && typeof c.slug === "string" && typeof c.name === "string"
      ? [{ slug: c.slug, name: c.name, withdrawn: c.withdrawn !== null && c.withdrawn !== undefined }]
      : [],
  );
}

export async function fetchCompanySuggestions(q: string, signal?: AbortSignal): Promise<CompanySuggestion[]> {
  const params = new URLSearchParams({ q, per_page: String(SUGGESTION_LIMIT) });
  const response = await fetch(`/api/v1/companies?${params.toString()}`, {
    signal,
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`Company search answered ${response.status}`);
  return suggestionsFrom(await response.json());
}

/** Suggestions for `q` (already debounced by the caller); none are asked for below two characters. */
export function useCompanySuggestions(q: string, { enabled }: { enabled: boolean }) {
  const query = q.trim();
  return useQuery({
    queryKey: companySuggestionsKey(query),
    queryFn: ({ signal }) => fetchCompanySuggestions(query, signal),
    enabled: enabled && query.length >= 2,
    // Keeps the last list on screen while the next one loads, so it does not flicker per keystroke.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
