/** A path with its query (parameters without a value are left out) and an optional fragment. */
export function withParams(
  path: string,
  params: Record<string, string | number | undefined | null>,
  hash?: string,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}
