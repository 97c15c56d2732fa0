import { describe, expectTypeOf, it } from "vitest";
import type { CommitmentRow, CompanyRow, SourceRow } from "./schema";
import type { CommitmentFields } from "@/lib/views/commitments";
import type { SourceView } from "@/lib/views/common";
import type { CompanyListItem } from "@/lib/views/directory";

// The view types in lib/views are written out, because lib/ does not import db/. These checks
// (made by the type checker, `npx tsc --noEmit`) fail when a table's columns and its view drift.

type Timestamps = "synthetic" | "createdAt" | "updatedAt";

describe("view types match the tables they are read from", () => {
  it("commitments", () => {
    expectTypeOf<CommitmentFields>().toEqualTypeOf<Omit<CommitmentRow, Timestamps>>();
  });

  it("sources", () => {
    expectTypeOf<SourceView>().toEqualTypeOf<Omit<SourceRow, Timestamps>>();
  });

  it("companies", () => {
    expectTypeOf<Omit<CompanyListItem, "counts" | "sources">>().toEqualTypeOf<
      Omit<CompanyRow, Timestamps | "description">
    >();
  });
});
