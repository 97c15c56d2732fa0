import type { ReactNode } from "react";
import type { OpenApiDocument } from "@/lib/api/openapi";

// Words for the JSON Schemas of the OpenAPI document, as the API page shows them. Pure functions
// of the document: the page says what the document says and nothing else.

export type Components = NonNullable<NonNullable<OpenApiDocument["components"]>["schemas"]>;
export type AnySchema = Components[string];
type SchemaObject = Exclude<AnySchema, { $ref: string }>;

const REF_PREFIX = "#/components/schemas/";

function isInline(schema: AnySchema): schema is SchemaObject {
  return typeof schema.$ref !== "string";
}

/** The component a schema refers to, directly or as the first of an allOf; null when inline. */
export function refName(schema: AnySchema): string | null {
  if (!isInline(schema)) return schema.$ref.slice(REF_PREFIX.length);
  const first = schema.allOf?.[0];
  return first ? refName(first) : null;
}

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

function isNullable(schema: SchemaObject): boolean {
  return Array.isArray(schema.type) ? schema.type.includes("null") : schema.type === "null";
}

function mainType(schema: AnySchema): string | undefined {
  if (!isInline(schema)) return undefined;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.find((t) => t !== "null");
}

function joinWithOr(parts: ReactNode[]): ReactNode {
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? " or " : null}
      {part}
    </span>
  ));
}

/** A short description of the values a schema allows, with links to the components it names. */
export function typeText(schema: AnySchema): ReactNode {
  const ref = refName(schema);
  if (ref) return <a href={`#${schemaAnchor(ref)}`}>{ref}</a>;
  if (!isInline(schema)) return "any value";
  if (schema.anyOf) return joinWithOr(schema.anyOf.map(typeText));
  if (schema.oneOf) return joinWithOr(schema.oneOf.map(typeText));
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  const orNull = isNullable(schema) ? " or null" : "";
  if (schema.enum) {
    const values: string[] = schema.enum.filter((v) => v !== null).map((v) => String(v));
    return (
      <>
        one of{" "}
        {values.map((v, i) => (
          <span key={v}>
            {i > 0 ? ", " : null}
            <code>{v}</code>
          </span>
        ))}
        {orNull}
      </>
    );
  }
  const type = mainType(schema);
  if (type === "array" && schema.items) {
    return (
      <>
        list of {typeText(schema.items)}
        {orNull}
      </>
    );
  }
  const format = schema.format ? ` (${schema.format})` : "";
  return `${type ?? "any value"}${format}${orNull}`;
}

/** The description of a schema, whether it is written on the schema or on the component it names. */
export function describe(schema: AnySchema, components: Components): string | undefined {
  if (schema.description) return schema.description;
  const ref = refName(schema);
  return ref ? components[ref]?.description : undefined;
}

export type FieldRow = { name: string; schema: AnySchema; required: boolean };

/**
 * The fields of an object schema, with the fields of inline objects under dotted names
 * (deadline.due_on) and of inline objects in lists under name[] (progress[].as_of).
 */
export function fieldRows(schema: AnySchema, prefix = ""): FieldRow[] {
  if (!isInline(schema) || refName(schema) || !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([key, field]) => {
    const name = `${prefix}${key}`;
    const row: FieldRow = { name, schema: field, required: required.has(key) };
    const items = isInline(field) && mainType(field) === "array" ? field.items : undefined;
    const nested = items ? fieldRows(items, `${name}[].`) : fieldRows(field, `${name}.`);
    return [row, ...nested];
  });
}
