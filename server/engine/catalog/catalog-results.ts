import type { Catalog, CatalogTable } from "../../../lib/api/catalog";
import type { QueryResult } from "../../../lib/api/query";
import { FomoError } from "../../../lib/errors";
import type { ResolvedEngineOptions } from "../engine-options";
import type { TopicIngest } from "../ingest/topic-ingest";
import type { TopicState } from "../ingest/topic-state";
import { isHiddenTopic } from "../ingest/topic-visibility";
import { METADATA_COLUMNS } from "../store/metadata-columns";

/** Column name of SHOW TABLES (MySQL names it after the database: `Tables_in_<schema>`). */
export const SHOW_TABLES_COLUMN = "Tables_in_default";

function visibleTopics(ingest: TopicIngest, options: ResolvedEngineOptions, all: boolean): TopicState[] {
  return [...ingest.topics.values()]
    .filter((state) => all || !isHiddenTopic(state.topic, options.dlqTopic))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

function columnsOf(state: TopicState): { name: string; type: string; misfits?: number }[] {
  return [...state.table.columns(), ...METADATA_COLUMNS];
}

function messageCount(state: TopicState): number {
  return state.partitions.reduce((sum, p) => sum + (p ? Number(p.highWatermark - p.logStartOffset) : 0), 0);
}

export function buildCatalog(ingest: TopicIngest, options: ResolvedEngineOptions, all: boolean): Catalog {
  const tables: CatalogTable[] = visibleTopics(ingest, options, all).map((state) => ({
    name: state.topic,
    columns: columnsOf(state),
    rowCount: messageCount(state),
  }));
  return { database: "kafka", schemas: [{ name: "default", tables }] };
}

export function showTablesResult(ingest: TopicIngest, options: ResolvedEngineOptions, all: boolean, started: number): QueryResult {
  const rows = visibleTopics(ingest, options, all).map((state) => [state.topic]);
  return {
    columns: [{ name: SHOW_TABLES_COLUMN, type: "VARCHAR" }],
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: performance.now() - started,
    snapshot: null,
  };
}

/** DESCRIBE t / SHOW COLUMNS FROM t, in MySQL's shape (Field, Type, Null, Key, Default, Extra). */
export function describeTopicResult(ingest: TopicIngest, table: string, started: number): QueryResult {
  const state = ingest.topics.get(table) ?? [...ingest.topics.values()].find((s) => s.topic.toLowerCase() === table.toLowerCase());
  if (!state) throw new FomoError("not_found:table", `Table with name ${table} does not exist (no such topic)`);
  const metadata = new Set<string>(METADATA_COLUMNS.map((column) => column.name));
  const rows = columnsOf(state).map((column) => [
    column.name,
    column.type,
    "YES",
    "",
    null,
    metadata.has(column.name) ? "kafka metadata" : "",
  ]);
  return {
    columns: ["Field", "Type", "Null", "Key", "Default", "Extra"].map((name) => ({ name, type: "VARCHAR" })),
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: performance.now() - started,
    snapshot: null,
  };
}
