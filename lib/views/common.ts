import type { SourceKind } from "@/lib/domain/vocabulary";

// The shapes the reads in db/queries return and components, the API and exports display. They
// live in lib, with no database import, so every layer can name them and only db/ builds them
// (docs/decisions/0020-layering.md); db/view-types.test.ts checks them against the tables.

/** A source as readers see it, cited beside the facts it supports. */
export type SourceView = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  kind: SourceKind;
  publishedOn: string | null;
  excerpt: string | null;
  accessedOn: string | null;
};

export type CompanyRef = { id: number; slug: string; name: string };

/** A place as stored, with the current code and name when the stored code names one. */
export type StateRef = { storedCode: string; code: string; name: string | null };

export type Paged<T> = { items: T[]; total: number; page: number; perPage: number; totalPages: number };
