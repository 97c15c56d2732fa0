// A render that server/front.ts asks Next for, to keep in its cache and serve to every anonymous
// reader (docs/decisions/0017). The front sends it with a secret that only its own process knows
// (TRACKER_FILL_TOKEN, set by server/main.ts), so no client can pass for it.

export const SHARED_RENDER_HEADER = "x-tracker-fill";

export function isSharedRender(headers: { get(name: string): string | null }): boolean {
  const token = process.env.TRACKER_FILL_TOKEN;
  return !!token && headers.get(SHARED_RENDER_HEADER) === token;
}
