// Region names come from the runtime's ICU data, so no list of countries is kept here.
const regions = new Intl.DisplayNames(["en-IN"], { type: "region", fallback: "code" });

/** "CN" → "China"; a code the runtime does not know is returned as it is. */
export function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    // DisplayNames throws on a malformed code; the database only holds two capital letters, but a
    // label is not worth a failed page.
    return code;
  }
}
