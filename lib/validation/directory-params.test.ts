import { describe, expect, it } from "vitest";
import { firstParamError } from "./api-params";
import {
  CompaniesCsvParamsSchema,
  CompaniesParamsSchema,
  CompanyParamsSchema,
  CompanySlugSchema,
  companySearchFromParam,
  FacilitiesCsvParamsSchema,
  FacilitiesParamsSchema,
  pageFromParam,
  PartnershipsCsvParamsSchema,
  PartnershipsParamsSchema,
} from "./directory-params";

describe("accepted parameters", () => {
  it("gives defaults and canonical values", () => {
    expect(CompaniesParamsSchema.parse({})).toEqual({ page: 1, per_page: 25 });
    expect(CompaniesParamsSchema.parse({ q: "  optiemus ", page: "2", per_page: "100" })).toEqual({
      q: "optiemus",
      page: 2,
      per_page: 100,
    });
    expect(CompaniesParamsSchema.parse({ q: "   " })).toEqual({ page: 1, per_page: 25 });
    expect(
      FacilitiesParamsSchema.parse({ state: "in-up", company: "optiemus-electronics", stage: "operational" }),
    ).toEqual({
      state: "IN-UP",
      company: "optiemus-electronics",
      stage: "operational",
      page: 1,
      per_page: 25,
    });
    expect(FacilitiesCsvParamsSchema.parse({ state: "IN-TG" })).toEqual({ state: "IN-TS" });
    expect(FacilitiesCsvParamsSchema.parse({ state: "IN-DD" })).toEqual({ state: "IN-DH" });
    expect(PartnershipsParamsSchema.parse({ company: "xiaomi" })).toEqual({
      company: "xiaomi",
      page: 1,
      per_page: 25,
    });
    expect(CompanyParamsSchema.parse({ page: "3" })).toEqual({ page: 3, per_page: 25 });
  });

  it("describes every field, for the OpenAPI document", () => {
    for (const schema of [
      CompaniesParamsSchema,
      FacilitiesParamsSchema,
      PartnershipsParamsSchema,
      CompanyParamsSchema,
    ]) {
      for (const [name, field] of Object.entries(schema.shape)) expect(field.description, name).toBeTruthy();
    }
  });
});

describe("refused parameters are named", () => {
  it.each([
    [CompaniesParamsSchema, { q: "x".repeat(101) }, "q"],
    [CompaniesParamsSchema, { q: "a\u0000b" }, "q"],
    [CompaniesParamsSchema, { page: "0" }, "page"],
    [CompaniesParamsSchema, { page: "1.5" }, "page"],
    [CompaniesParamsSchema, { per_page: "101" }, "per_page"],
    [CompaniesParamsSchema, { per_page: "" }, "per_page"],
    [CompaniesParamsSchema, { sort: "name" }, "sort"],
    [CompaniesCsvParamsSchema, { page: "1" }, "page"],
    [FacilitiesParamsSchema, { state: "IN-ZZ" }, "state"],
    [FacilitiesParamsSchema, { state: "Uttar Pradesh" }, "state"],
    [FacilitiesParamsSchema, { state: "" }, "state"],
    [FacilitiesParamsSchema, { stage: "built" }, "stage"],
    [FacilitiesParamsSchema, { company: "Xiaomi" }, "company"],
    [FacilitiesParamsSchema, { company: "a b" }, "company"],
    [FacilitiesCsvParamsSchema, { per_page: "10" }, "per_page"],
    [PartnershipsParamsSchema, { company: "" }, "company"],
    [PartnershipsParamsSchema, { brand: "xiaomi" }, "brand"],
    [PartnershipsCsvParamsSchema, { page: "2" }, "page"],
    [CompanyParamsSchema, { q: "x" }, "q"],
  ] as const)("%#: %j → %s", (schema, input, parameter) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      const error = firstParamError(result.error);
      expect(error.parameter).toBe(parameter);
      expect(error.message).toContain(parameter);
    }
  });

  it("refuses a slug that is not one", () => {
    expect(CompanySlugSchema.safeParse("xiaomi").success).toBe(true);
    for (const bad of ["", "Xiaomi", "../etc", "x".repeat(81), "a_b"]) {
      expect(CompanySlugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("page parameters", () => {
  it.each([
    [undefined, { page: 1, rejected: null }],
    ["3", { page: 3, rejected: null }],
    [["2", "4"], { page: 4, rejected: null }],
    ["abc", { page: 1, rejected: "abc" }],
    ["0", { page: 1, rejected: "0" }],
  ])("pageFromParam(%j) → %j", (raw, expected) => {
    expect(pageFromParam(raw)).toEqual(expected);
  });

  it.each([
    [undefined, { q: undefined, rejected: null }],
    ["optiemus", { q: "optiemus", rejected: null }],
    ["", { q: undefined, rejected: null }],
    ["x".repeat(101), { q: undefined, rejected: "x".repeat(101) }],
  ])("companySearchFromParam(%j) → %j", (raw, expected) => {
    expect(companySearchFromParam(raw)).toEqual(expected);
  });
});
