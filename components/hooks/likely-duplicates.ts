"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DuplicateCheck, DuplicateView } from "@/components/submit/types";

// Commitments that look like the one a contributor is writing, asked of the server while they
// type, so they can see it is already tracked before they send it.

export type DuplicateQuery = { company: string; title: string; deadline: string; deadline_precision: string };

export const likelyDuplicatesKey = (q: DuplicateQuery, resubmitId: number | null) =>
  ["submissions", "likely-duplicates", { ...q, resubmit: resubmitId }] as const;

function isDuplicateView(v: unknown): v is DuplicateView {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.id === "number" &&
    typeof d.title === "string" &&
    typeof d.deadline === "string" &&
    typeof d.href === "string" &&
    typeof d.withdrawn === "boolean"
  );
}

/** The route's answer, or null when it is not one (it is our own route, but a proxy could answer instead). */
export function duplicateCheckFrom(body: unknown): DuplicateCheck | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as Record<string, unknown>;
  if (b.status === "incomplete" && typeof b.message === "string")
    return { status: "incomplete", message: b.message };
  if (
    b.status === "checked" &&
    Array.isArray(b.published) &&
    b.published.every(isDuplicateView) &&
    typeof b.pending === "number"
  ) {
    return { status: "checked", published: b.published, pending: b.pending };
  }
  return null;
}

export async function fetchLikelyDuplicates(
  q: DuplicateQuery,
  resubmitId: number | null,
  signal?: AbortSignal,
): Promise<DuplicateCheck> {
  const params = new URLSearchParams(q);
  // The submission being edited is not a duplicate of itself.
  if (resubmitId !== null) params.set("resubmit", String(resubmitId));
  const response = await fetch(`/submit/duplicates?${params.toString()}`, {
    signal,
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`The duplicate check answered ${response.status}`);
  const check = duplicateCheckFrom(await response.json());
  if (!check) throw new Error("The duplicate check gave an unexpected answer");
  return check;
}

/** Whether enough is filled in to look: a company, a few letters of title, and a deadline. */
export function readyToCheck(q: DuplicateQuery): boolean {
  return (
    q.company.trim() !== "" &&
    q.title.trim().length >= 3 &&
    q.deadline.trim() !== "" &&
    q.deadline_precision !== ""
  );
}

export function useLikelyDuplicates(
  q: DuplicateQuery,
  { enabled, resubmitId }: { enabled: boolean; resubmitId: number | null },
) {
  return useQuery({
    queryKey: likelyDuplicatesKey(q, resubmitId),
    queryFn: ({ signal }) => fetchLikelyDuplicates(q, resubmitId, signal),
    enabled: enabled && readyToCheck(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
