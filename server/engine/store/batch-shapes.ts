import type { DuckDBConnection } from "@duckdb/node-api";
import { kindOfJsonType } from "../ingest/column-types";
import type { KindCounts } from "./column-typing";
import { jsonPathOfKey } from "./json-keys";
import { quoteLiteral } from "./quote-identifier";
import { IS_OBJECT, STAGING_TABLE } from "./staging-table";

/** The staged batch as the typing rule sees it: which keys occur together, and each key's kinds. */
export interface BatchShapes {
  corrupt: number;
  /** Each distinct list of top-level keys (as sent) and how many objects have it. */
  keyLists: { keys: string[]; count: number }[];
  /** For the keys asked about: how many values of each kind. */
  kindsByKey: Map<string, KindCounts>;
}

/**
 * One pass over the staged values: for objects, their key list and the `json_type` of each known
 * key, grouped (a topic's messages usually share one shape, so this returns a row or two). Only
 * top-level keys are looked at, so no depth of nesting costs more than its parse.
 */
export async function readBatchShapes(connection: DuckDBConnection, knownKeys: readonly string[]): Promise<BatchShapes> {
  const types = knownKeys.length > 0 ? `CASE WHEN ok THEN json_type(v, ${pathList(knownKeys)}) END` : "NULL";
  const reader = await connection.runAndReadAll(
    // Ordered by first appearance, so new fields become columns in the order they were produced.
    `SELECT keys, types, count(*) AS n FROM (SELECT CASE WHEN ok THEN json_keys(v) END AS keys, ${types} AS types, o ` +
      `FROM (SELECT v, o, ${IS_OBJECT} AS ok FROM ${STAGING_TABLE})) GROUP BY keys, types ORDER BY min(o)`,
  );
  const shapes: BatchShapes = { corrupt: 0, keyLists: [], kindsByKey: new Map() };
  for (const [keys, kinds, n] of reader.getRowsJS()) {
    const count = Number(n);
    if (keys === null) {
      shapes.corrupt += count;
      continue;
    }
    shapes.keyLists.push({ keys: (keys as unknown[]).map(String), count });
    if (Array.isArray(kinds)) addKinds(shapes.kindsByKey, knownKeys, kinds, count);
  }
  return shapes;
}

/** The kinds of keys not asked about before (new fields): one more pass, only when they appear. */
export async function readKindsOfKeys(connection: DuckDBConnection, keys: readonly string[]): Promise<Map<string, KindCounts>> {
  const kindsByKey = new Map<string, KindCounts>();
  if (keys.length === 0) return kindsByKey;
  const reader = await connection.runAndReadAll(
    `SELECT json_type(v, ${pathList(keys)}) AS types, count(*) AS n FROM ${STAGING_TABLE} WHERE ${IS_OBJECT} GROUP BY ALL`,
  );
  for (const [kinds, n] of reader.getRowsJS()) if (Array.isArray(kinds)) addKinds(kindsByKey, keys, kinds, Number(n));
  return kindsByKey;
}

function addKinds(kindsByKey: Map<string, KindCounts>, keys: readonly string[], jsonTypes: unknown[], count: number): void {
  keys.forEach((key, index) => {
    const kind = kindOfJsonType(jsonTypes[index] === null ? null : String(jsonTypes[index]));
    if (!kind) return;
    let counts = kindsByKey.get(key);
    if (!counts) kindsByKey.set(key, (counts = {}));
    counts[kind] = (counts[kind] ?? 0) + count;
  });
}

function pathList(keys: readonly string[]): string {
  return `[${keys.map((key) => quoteLiteral(jsonPathOfKey(key))).join(", ")}]`;
}
