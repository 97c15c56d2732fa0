import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// Field schemas shared by every form, server action and import. Input arrives as strings (form
// data, CSV cells); each field trims, refuses what no person would mean, and says why in words a
// contributor understands, because the message is shown beside the field.

// C0 and C1 control characters other than tab and line breaks, and the Unicode bidirectional
// overrides that can make text display differently from what is stored.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\r\n]/;

export function text({ label, max, multiline = false }: { label: string; max: number; multiline?: boolean }) {
  return z
    .string({ error: `${label} is required` })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} must be at most ${max.toLocaleString("en-IN")} characters`)
        .refine((s) => !CONTROL.test(s), `${label} contains invisible control characters; please retype it`)
        .refine((s) => multiline || !LINE_BREAK.test(s), `${label} must be on one line`),
    );
}

/** An optional text field: empty means absent (null). */
export function optionalText(options: { label: string; max: number; multiline?: boolean }) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    text(options).nullable(),
  );
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), `${label} must be a date like 2025-03-31`)
    .refine((s) => isIsoDate(s), `${label} is not a real date`)
    .refine((s) => s >= "1990-01-01" && s <= "2100-12-31", `${label} must be between 1990 and 2100`);
}

export function optionalIsoDate(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
    isoDate(label).nullable(),
  );
}

const DECIMAL = /^-?(\d{1,15}(\.\d{1,6})?|\.\d{1,6})$/;

/** A number typed by a person: digits with an optional decimal point; Indian grouping commas allowed. */
export function decimal(label: string, { min = 0, max = 1e15 }: { min?: number; max?: number } = {}) {
  return z
    .union([z.string(), z.number()], { error: `${label} is required` })
    .transform((v) => (typeof v === "number" ? String(v) : v.replaceAll(",", "").trim()))
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .refine((s) => DECIMAL.test(s), `${label} must be a number, like 50 or 12.5`)
        .transform(Number)
        .pipe(
          z
            .number()
            .refine(Number.isFinite, `${label} must be a number`)
            .min(min, `${label} must be at least ${min}`)
            .max(max, `${label} is too large`),
        ),
    );
}

export function optionalDecimal(label: string, bounds?: { min?: number; max?: number }) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    decimal(label, bounds).nullable(),
  );
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `Choose ${label}` });
}

export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.preprocess((v) => (v === "" || v === undefined ? null : v), choice(values, label).nullable());
}

/** A list typed as comma-separated text, or sent as repeated values. */
export function list<T extends z.ZodType<string>>(item: T, { label, max }: { label: string; max: number }) {
  return z
    .preprocess((v) => {
      const raw = Array.isArray(v)
        ? v
        : typeof v === "string"
          ? v.split(",")
          : v === undefined || v === null
            ? []
            : v;
      return Array.isArray(raw)
        ? [...new Set(raw.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== ""))]
        : raw;
    }, z.array(item))
    .refine((a) => a.length <= max, `${label}: at most ${max}`);
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slug(label: string) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .toLowerCase()
    .min(1, `${label} is required`)
    .max(80, `${label} must be at most 80 characters`)
    .regex(SLUG, `${label} may contain only lower-case letters, digits and single hyphens`);
}

/** A web address a reader can follow: http or https only, never javascript:, data: or file:. */
export function webUrl(label: string) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(2000, `${label} must be at most 2,000 characters`)
    .refine(
      (s) => !CONTROL.test(s) && !/\s/.test(s),
      `${label} must not contain spaces or control characters`,
    )
    .refine((s) => {
      try {
        const url = new URL(s);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, `${label} must be a web address starting with http:// or https://`);
}

export function optionalWebUrl(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
    webUrl(label).nullable(),
  );
}
