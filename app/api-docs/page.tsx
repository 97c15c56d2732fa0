import type { Metadata } from "next";
import { EXAMPLE_URL_KEY, getOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import {
  describe,
  fieldRows,
  refName,
  schemaAnchor,
  typeText,
  type AnySchema,
  type Components,
} from "./schema-text";

export const metadata: Metadata = { title: "API" };

// Rendered on the server from the OpenAPI document that /api/v1/openapi.json serves, so the page
// cannot describe an endpoint, a parameter or a field differently from the document.

type PathItem = NonNullable<OpenApiDocument["paths"]>[string];
type Operation = NonNullable<PathItem["get"]>;
type Parameter = NonNullable<Operation["parameters"]>[number];
// openapi3-ts types a status code's entry as `any`; this is what the generator puts there.
type ResponseEntry = NonNullable<NonNullable<Operation["responses"]>["default"]>;
type ResponseObject = Exclude<ResponseEntry, { $ref: string }>;

function responseEntries(operation: Operation): [string, ResponseObject][] {
  return Object.entries(operation.responses ?? {}).flatMap(([status, value]) => {
    const entry: ResponseEntry = value;
    return "$ref" in entry ? [] : [[status, entry]];
  });
}

type Endpoint = { path: string; operation: Operation; id: string; example: string | null };

function endpoints(doc: OpenApiDocument): Endpoint[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) => {
    const operation = item.get;
    if (!operation) return [];
    const example = operation[EXAMPLE_URL_KEY];
    return [
      {
        path,
        operation,
        id: operation.operationId ?? path,
        example: typeof example === "string" ? example : null,
      },
    ];
  });
}

function isParameterObject(p: Parameter): p is Exclude<Parameter, { $ref: string }> {
  return !("$ref" in p);
}

function ParametersTable({ endpoint }: { endpoint: Endpoint }) {
  const parameters = (endpoint.operation.parameters ?? []).filter(isParameterObject);
  if (parameters.length === 0) return <p>No parameters.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Parameters of <code>GET {endpoint.path}</code>
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">In</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`}>
              <th scope="row">
                <code>{p.name}</code>
              </th>
              <td>{p.in}</td>
              <td>{p.required ? "yes" : "no"}</td>
              <td>{p.description}</td>
              <td>{p.example === undefined ? null : <code>{String(p.example)}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResponsesTable({ endpoint }: { endpoint: Endpoint }) {
  const responses = responseEntries(endpoint.operation);
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Responses of <code>GET {endpoint.path}</code>
        </caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Media type</th>
            <th scope="col">Body</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {responses.flatMap(([status, response]) => {
            const content = Object.entries(response.content ?? {}).map(([mediaType, media]) => ({
              mediaType,
              schema: media.schema,
            }));
            const rows = content.length ? content : [{ mediaType: "none", schema: undefined }];
            return rows.map(({ mediaType, schema }) => {
              return (
                <tr key={`${status}-${mediaType}`}>
                  <th scope="row">{status}</th>
                  <td>
                    <code>{mediaType}</code>
                  </td>
                  <td>{schema ? (refName(schema) ? typeText(schema) : schema.description) : null}</td>
                  <td>{response.description}</td>
                </tr>
              );
            });
          })}
        </tbody>
      </table>
    </div>
  );
}

function SchemaSection({
  name,
  schema,
  components,
}: {
  name: string;
  schema: AnySchema;
  components: Components;
}) {
  const rows = fieldRows(schema);
  return (
    <section aria-labelledby={schemaAnchor(name)}>
      <h3 id={schemaAnchor(name)}>{name}</h3>
      {schema.description ? <p>{schema.description}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption>Fields of {name}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Type</th>
                <th scope="col">Required</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  <td>{typeText(row.schema)}</td>
                  <td>{row.required ? "yes" : "no"}</td>
                  <td>{describe(row.schema, components)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export default function ApiDocsPage() {
  const doc = getOpenApiDocument();
  const all = endpoints(doc);
  const components = doc.components?.schemas ?? {};
  const paragraphs = (doc.info.description ?? "").split("\n\n");
  return (
    <>
      <h1>Public API</h1>
      {paragraphs.map((text, i) => (
        <p key={i} className={i === 0 ? "lede" : undefined}>
          {text}
        </p>
      ))}
      <p>
        Version {doc.info.version}. The same description for programs:{" "}
        <a href="/api/v1/openapi.json">the OpenAPI {doc.openapi} document</a>.
      </p>

      <nav aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        <ul>
          {all.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`}>
                <code>GET {e.path}</code>
              </a>
              : {e.operation.summary}
            </li>
          ))}
        </ul>
      </nav>

      {(doc.tags ?? []).map((tag) => {
        const inTag = all.filter((e) => e.operation.tags?.includes(tag.name));
        if (inTag.length === 0) return null;
        return (
          <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
            <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
            {tag.description ? <p>{tag.description}</p> : null}
            {inTag.map((e) => (
              <section key={e.id} aria-labelledby={e.id}>
                <h3 id={e.id}>
                  <code>GET {e.path}</code>
                </h3>
                <p>
                  <strong>{e.operation.summary}.</strong> {e.operation.description}
                </p>
                {e.example ? (
                  <p>
                    Example: <a href={e.example}>{e.example}</a>
                  </p>
                ) : null}
                <ParametersTable endpoint={e} />
                <ResponsesTable endpoint={e} />
              </section>
            ))}
          </section>
        );
      })}

      <section aria-labelledby="schemas-heading">
        <h2 id="schemas-heading">Response bodies</h2>
        <p>
          Each JSON body, field by field. A field inside an object is named with a dot (deadline.due_on), a
          field of each item in a list with [] (progress[].as_of). New fields may be added; existing ones keep
          their names.
        </p>
        {Object.entries(components).map(([name, schema]) => (
          <SchemaSection key={name} name={name} schema={schema} components={components} />
        ))}
      </section>
    </>
  );
}
