import { parseVersionSpec } from "../registry-reads";
import type { SchemaVersion } from "../registry-state";
import type { SchemaRegistry } from "../schema-registry";
import { SCHEMA_TYPES } from "../store-records";
import { parseRequestedLevel, parseSchemaSubmission } from "./request-bodies";

export interface RouteRequest {
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

/** A JSON body, or a string sent as the raw text (the `/schema` endpoints return the schema itself). */
export type RouteResult = { json: unknown } | { text: string };

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Matched against the decoded path; each group is one path parameter. */
  path: RegExp;
  handle(registry: SchemaRegistry, request: RouteRequest): RouteResult | Promise<RouteResult>;
}

const SEGMENT = "([^/]+)";
const flag = (query: URLSearchParams, name: string) => query.get(name) === "true";
const param = (request: RouteRequest, index: number) => request.params[index] ?? "";
const schemaId = (request: RouteRequest) => Number(param(request, 0));

/** Confluent's shape of a version: `schemaType` only when not AVRO, `references` only when there are some. */
function versionBody(entry: SchemaVersion): Record<string, unknown> {
  const { subject, version, id, schema, schemaType, references } = entry;
  return {
    subject,
    version,
    id,
    ...(schemaType === "AVRO" ? {} : { schemaType }),
    ...(references.length > 0 ? { references } : {}),
    schema,
  };
}

function schemaBody(entry: SchemaVersion): Record<string, unknown> {
  return { ...(entry.schemaType === "AVRO" ? {} : { schemaType: entry.schemaType }), schema: entry.schema };
}

const route = (method: Route["method"], path: string, handle: Route["handle"]): Route => ({
  method,
  path: new RegExp(`^${path.replaceAll("{}", SEGMENT)}/?$`),
  handle,
});

/** The Confluent Schema Registry REST API that producers, consumers and tools use. */
export const REGISTRY_ROUTES: Route[] = [
  route("GET", "", () => ({ json: {} })),
  route("GET", "/schemas/types", () => ({ json: [...SCHEMA_TYPES] })),
  route("GET", "/schemas/ids/(\\d+)", (r, q) => ({ json: schemaBody(r.schemaById(schemaId(q))) })),
  route("GET", "/schemas/ids/(\\d+)/schema", (r, q) => ({ text: r.schemaById(schemaId(q)).schema })),
  route("GET", "/schemas/ids/(\\d+)/subjects", (r, q) => ({
    json: [...new Set(r.usagesOf(schemaId(q), flag(q.query, "deleted")).map((entry) => entry.subject))],
  })),
  route("GET", "/schemas/ids/(\\d+)/versions", (r, q) => ({
    json: r.usagesOf(schemaId(q), flag(q.query, "deleted")).map(({ subject, version }) => ({ subject, version })),
  })),
  route("GET", "/subjects", (r, q) => ({ json: r.subjects(flag(q.query, "deleted")) })),
  route("GET", "/subjects/{}/versions", (r, q) => ({
    json: r.versions(param(q, 0), flag(q.query, "deleted")).map((entry) => entry.version),
  })),
  route("GET", "/subjects/{}/versions/{}", (r, q) => ({
    json: versionBody(r.version(param(q, 0), parseVersionSpec(param(q, 1)), flag(q.query, "deleted"))),
  })),
  route("GET", "/subjects/{}/versions/{}/schema", (r, q) => ({
    text: r.version(param(q, 0), parseVersionSpec(param(q, 1)), flag(q.query, "deleted")).schema,
  })),
  route("POST", "/subjects/{}/versions", async (r, q) => ({ json: await r.register(param(q, 0), parseSchemaSubmission(q.body)) })),
  route("POST", "/subjects/{}", (r, q) => ({
    json: versionBody(r.lookup(param(q, 0), parseSchemaSubmission(q.body), flag(q.query, "deleted"))),
  })),
  route("DELETE", "/subjects/{}", async (r, q) => ({ json: await r.deleteSubject(param(q, 0), flag(q.query, "permanent")) })),
  route("DELETE", "/subjects/{}/versions/{}", async (r, q) => ({
    json: await r.deleteVersion(param(q, 0), parseVersionSpec(param(q, 1)), flag(q.query, "permanent")),
  })),
  route("POST", "/compatibility/subjects/{}/versions/{}", (r, q) => {
    const messages = r.compatibility(param(q, 0), parseVersionSpec(param(q, 1)), parseSchemaSubmission(q.body));
    return { json: { is_compatible: messages.length === 0, ...(flag(q.query, "verbose") ? { messages } : {}) } };
  }),
  route("POST", "/compatibility/subjects/{}/versions", (r, q) => {
    const messages = r.compatibility(param(q, 0), "latest", parseSchemaSubmission(q.body));
    return { json: { is_compatible: messages.length === 0, ...(flag(q.query, "verbose") ? { messages } : {}) } };
  }),
  route("GET", "/config", (r) => ({ json: { compatibilityLevel: r.configuredLevel(null, true) } })),
  route("PUT", "/config", async (r, q) => ({ json: { compatibility: await r.setLevel(null, parseRequestedLevel(q.body)) } })),
  route("GET", "/config/{}", (r, q) => ({
    json: { compatibilityLevel: r.configuredLevel(param(q, 0), flag(q.query, "defaultToGlobal")) },
  })),
  route("PUT", "/config/{}", async (r, q) => ({ json: { compatibility: await r.setLevel(param(q, 0), parseRequestedLevel(q.body)) } })),
  route("DELETE", "/config/{}", async (r, q) => ({ json: { compatibilityLevel: await r.deleteLevel(param(q, 0)) } })),
];
