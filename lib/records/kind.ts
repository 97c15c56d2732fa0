import type { z } from "zod";
import type { RecordType } from "@/lib/domain/vocabulary";

// What every kind of record (company, facility, partnership, commitment, progress update) declares
// about itself, in one module per kind: how it is validated, labelled, named, linked, checked
// against the records it refers to, and stored. Code elsewhere looks a kind up in RECORD_KINDS
// instead of switching on the record type, so adding a field or a kind changes one module.

/** A record in the shape of its form's payload, as read from storage: nothing about it is trusted. */
export type RecordLike = Record<string, unknown>;

export type FieldKind = "value" | "long" | "list" | "sources";

/** How the submission form asks for a field; the form renders its fields from these in order. */
export type FormControl = { required?: boolean; hint?: string } & (
  | {
      as: "text";
      type?: "text" | "date" | "url";
      inputMode?: "text" | "decimal" | "numeric" | "url";
      maxLength?: number;
    }
  | { as: "textarea" }
  | {
      as: "select";
      options: readonly (readonly [value: string, label: string])[];
      /** The empty first option: "Choose…" for a required choice, or what leaving it means. */
      blank: string;
    }
  /** A published company by short name, with suggestions. */
  | { as: "company" }
  /** One state or union territory. */
  | { as: "state" }
  /** Any number of states and union territories. */
  | { as: "states" }
);

/** One field of a kind: its one label, used by the form, the review page, the diff and the feeds. */
export type FieldSpec = {
  key: string;
  label: string;
  kind: FieldKind;
  /** How the value is read from the record, when it is not simply record[key]. */
  read?: (record: RecordLike) => unknown;
  format?: (value: unknown) => string;
  /** Shown only within the field named here (a deadline's precision is part of the deadline). */
  partOf?: string;
  /** How the form asks for it; sources have a form section of their own. */
  control?: FormControl;
  /** A heading the form shows before this field, starting a group. */
  section?: string;
};

export type Nouns = {
  /** In a sentence: "progress update". */
  singular: string;
  /** At the start of one: "Progress update". */
  capitalised: string;
  /** As a heading over several: "Progress updates". */
  plural: string;
};

/** The kind's form on /submit: its address (/submit/{slug}), name and one line about it. */
export type SubmitEntry = { slug: string; name: string; description: string };

/**
 * A payload field that names another published record, which must exist and not be withdrawn.
 * Companies are named by short name, other records by number.
 */
export type Reference =
  | { field: string; to: "company" }
  | { field: string; to: "facility" }
  | {
      field: string;
      to: "commitment";
      /** A date field of this record that must not be before the commitment's baseline date. */
      notBeforeBaseline?: string;
    };

/** What a title needs to look up about other records. */
export type TitleLookup = {
  /** The published company's name, or the short name itself when there is none. */
  companyName(slug: string): string;
  commitmentTitle(id: number): string | null;
};

/** What a link needs: the record's own row (read only when asked) and companies' short names. */
export type LinkLookup<Row> = {
  row(): Row | undefined;
  companySlug(companyId: number): string | null;
};

/** Resolves short names to ids when a payload becomes a row; checked to exist beforehand. */
export type RowIds = { companyId(slug: string): number };

/** Resolves ids to short names when a row is read back as a payload. */
export type RowNames = { companySlug(companyId: number): string };

export type RecordKind<Payload = unknown, Row = unknown> = {
  recordType: RecordType;
  nouns: Nouns;
  submit: SubmitEntry;
  /** Validates the form, the stored proposal, the approval and the import alike. */
  schema: z.ZodType<Payload>;
  /** In the order the form shows them; the diff and the review page follow it. */
  fields: readonly FieldSpec[];
  references: readonly Reference[];
  /** The field other records name this kind by: new when created, and never changed after. */
  identity?: string;
  /** The record as people name it: a commitment's title, "Xiaomi with Optiemus". */
  title(record: RecordLike, lookup: TitleLookup): string;
  /** Where the published record is read: its own page, or the page of what it belongs to. */
  href(id: number, lookup: LinkLookup<Row>): string | null;
  /** The values of the record's row (and, for a commitment, its lists), from a validated payload. */
  toRow(payload: Payload, ids: RowIds): Row;
  /** The published row back in the shape of the form's payload, sources aside. */
  fromRow(row: Row, names: RowNames): RecordLike;
};

export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
