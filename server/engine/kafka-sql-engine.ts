import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Catalog } from "../../lib/api/catalog";
import type { QueryResult } from "../../lib/api/query";
import { throwIfCancelled, untilCancelled } from "../../lib/cancellation";
import { FomoError } from "../../lib/errors";
import { ValueDecoder } from "../decoding/value-decoder";
import { buildCatalog, describeTopicResult, showTablesResult } from "./catalog/catalog-results";
import type { EngineHealth } from "./engine-health";
import { engineOptionsSchema, type KafkaSqlEngineOptions, type ResolvedEngineOptions } from "./engine-options";
import { engineHealth } from "./engine-health-report";
import { kafkaAccessError } from "../kafka/kafka-errors";
import { createEngineKafkaClients, type EngineKafkaClients } from "./ingest/kafka-clients";
import { TopicIngest } from "./ingest/topic-ingest";
import { isHiddenTopic } from "./ingest/topic-visibility";
import { answerSelect } from "./query/answer-select";
import { QueryGate } from "./query/query-gate";
import { offsetTargetsOf, snapshotToJson, snapshotViewSql, takeSnapshot } from "./query/snapshot";
import { namesMetadataColumn } from "./sql/metadata-mentions";
import { foldCaseOfComparisons } from "./sql/mysql-case-folding";
import { ColumnCaseProfiles, type CaseProfile } from "./store/column-case-profile";
import { readOffsetBounds } from "./store/offset-bounds";
import { openDuckDb } from "./store/open-duckdb";
import { METADATA_COLUMNS } from "./store/metadata-columns";
import { quoteIdentifier } from "./store/quote-identifier";
import { analyzeStatement } from "./sql/analyze-statement";
import { parseMetaStatement } from "./sql/meta-statements";
import { stripTrailingSemicolons } from "./sql/strip-statement";
import { translateMysqlDialect } from "./sql/mysql-dialect";
import type { TranslatedSql } from "./sql/translated-sql";

export interface EngineQueryOptions {
  /**
   * Aborted when the caller gives up (its HTTP client went away): a queued query leaves the queue,
   * a waiting one stops waiting, a running one is interrupted, and its connection is lent again.
   */
  signal?: AbortSignal;
}

export interface KafkaSqlEngine {
  query(sql: string, options?: EngineQueryOptions): Promise<QueryResult>;
  catalog(options?: { all?: boolean }): Promise<Catalog>;
  health(): Promise<EngineHealth>;
  /** Resolves once every partition is ingested up to the high watermark read at call time. */
  waitForCaughtUp(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens DuckDB, starts tailing Kafka, and answers SQL over the topics. */
export async function createKafkaSqlEngine(input: KafkaSqlEngineOptions): Promise<KafkaSqlEngine> {
  const options = engineOptionsSchema.parse(input);
  const { instance, admin } = await openDuckDb({ memoryLimit: options.memoryLimit, threads: options.threads });
  const clients = createEngineKafkaClients(options.brokers, options.clientId, options.security);
  const writer = await instance.connect();
  const decoder = new ValueDecoder({ registry: options.schemaRegistry, unknownIdTtlMs: options.unknownSchemaIdTtlMs });
  const ingest = new TopicIngest({
    clients,
    writer,
    decoder,
    redecodeIntervalMs: options.redecodeIntervalMs,
    topicFilter: options.topicFilter,
    metadataIntervalMs: options.metadataIntervalMs,
    log: options.log,
  });
  try {
    await ingest.start();
  } catch (cause) {
    await clients.close();
    closeDuckDb(instance, [admin, writer]);
    throw (
      kafkaAccessError(cause) ??
      new FomoError("unavailable:kafka", `The engine cannot reach Kafka at ${options.brokers.join(",")}`, { cause, canRetry: true })
    );
  }
  const queryConnections = await Promise.all(Array.from({ length: options.maxConcurrentQueries }, () => instance.connect()));
  const gate = new QueryGate(queryConnections, options.maxQueuedQueries);
  const caseProfiles = new ColumnCaseProfiles();
  let closed = false;
  const served = { queriesReceived: 0, catalogRequests: 0 };

  const engine: KafkaSqlEngine = {
    async query(sql, { signal } = {}) {
      if (closed) throw new FomoError("unavailable:engine", "The engine is closed");
      throwIfCancelled(signal);
      served.queriesReceived += 1;
      const started = performance.now();
      // MySQL spellings (backticks, LIMIT o, n, REGEXP, GROUP_CONCAT…) become DuckDB's before anything parses it.
      const translation = translateMysqlDialect(stripTrailingSemicolons(sql));
      if (translation.text.trim() === "") throw new FomoError("bad_request:empty_query", "The SQL text holds no statement");
      const meta = parseMetaStatement(translation.text);
      if (meta?.kind === "show_tables") return showTablesResult(ingest, options, meta.all, started);
      if (meta?.kind === "describe") {
        // Columns come from the messages: describe what a query started now would see.
        const topic = findTopic(meta.table);
        if (topic) await waitForSnapshot([topic], Date.now() + options.queryTimeoutMs).catch(() => undefined);
        return describeTopicResult(ingest, meta.table, started);
      }
      if (meta?.kind === "show_schemas") {
        return {
          columns: [{ name: "Database", type: "VARCHAR" }],
          rows: [["default"]],
          rowCount: 1,
          truncated: false,
          elapsedMs: performance.now() - started,
          snapshot: null,
        };
      }
      return gate.run((connection) => runSelect(connection, translation, started, signal), signal);
    },
    async catalog(catalogOptions) {
      served.catalogRequests += 1;
      return buildCatalog(ingest, options, catalogOptions?.all ?? false);
    },
    async health() {
      return engineHealth(ingest, options, gate, served);
    },
    async waitForCaughtUp(timeoutMs = 30_000) {
      await ingest.refreshTopicsNow();
      const snapshot = await takeSnapshot(clients, [...ingest.topics.keys()]);
      const reached = await ingest.waitForOffsets(offsetTargetsOf(snapshot), timeoutMs);
      if (!reached) throw new FomoError("timeout:ingest", `Ingest did not catch up within ${timeoutMs} ms`, { canRetry: true });
    },
    async close() {
      if (closed) return;
      closed = true;
      await ingest.stop();
      await clients.close();
      closeDuckDb(instance, [admin, writer, ...queryConnections]);
    },
  };

  async function runSelect(
    connection: DuckDBConnection,
    translation: TranslatedSql,
    started: number,
    signal: AbortSignal | undefined,
  ): Promise<QueryResult> {
    const deadline = Date.now() + options.queryTimeoutMs;
    let analysis = await analyzeStatement(connection, translation);
    const topics = await resolveTopics(analysis.tableRefs, translation);
    const takenAt = new Date();
    // The wait for ingest holds no DuckDB work: a cancel simply stops waiting (the waiter times out by itself).
    const snapshot = await untilCancelled(waitForSnapshot(topics, deadline), signal);
    const views: string[] = [];
    const withMetadata = namesMetadataColumn(translation.text);
    // One transaction (read-only; rolled back at the end, which also drops the temp views): the
    // offset bounds it reads describe exactly the rows its MVCC snapshot of the tables sees.
    await connection.run("BEGIN TRANSACTION");
    try {
      const tableBounds = await readOffsetBounds(connection, [...snapshot.keys()]);
      for (const [topic, bounds] of snapshot) {
        const state = ingest.topics.get(topic);
        if (!state) throw new FomoError("not_found:table", `Topic ${topic} was deleted while the query started`, { canRetry: true });
        views.push(topic);
        await connection.run(snapshotViewSql(topic, state.table, bounds, tableBounds.get(topic) ?? new Map(), { withMetadata }));
      }
      const folded = await foldCaseOfComparisons(translation, analysis.root, (column) => caseProfileOf(connection, topics, column));
      if (folded !== translation) {
        translation = folded;
        analysis = await analyzeStatement(connection, translation);
      }
      const answer = await answerSelect(connection, translation, analysis, {
        maxRows: options.maxRows,
        deadline,
        timeoutMs: options.queryTimeoutMs,
        tableColumns: topicColumnTypes,
        signal,
      });
      return {
        columns: answer.columns,
        rows: answer.rows,
        rowCount: answer.rows.length,
        truncated: answer.truncated,
        elapsedMs: Math.round((performance.now() - started) * 100) / 100,
        snapshot: snapshotToJson(snapshot, takenAt, freshnessOf(topics)),
      };
    } finally {
      await connection.run("ROLLBACK").catch(() => undefined);
      for (const view of views) await connection.run(`DROP VIEW IF EXISTS temp.main.${quoteIdentifier(view)}`).catch(() => undefined);
    }
  }

  /** Reads the topics' offsets now and waits (until the deadline) for ingest to reach them. */
  async function waitForSnapshot(topics: string[], deadline: number) {
    const snapshot = await takeSnapshotOrFail(clients, topics);
    const caughtUp = await ingest.waitForOffsets(offsetTargetsOf(snapshot), Math.max(1, deadline - Date.now()));
    if (!caughtUp) {
      throw new FomoError("timeout:snapshot", `Ingest did not reach the query's snapshot within ${options.queryTimeoutMs} ms`, {
        canRetry: true,
      });
    }
    return snapshot;
  }

  /** Every FROM name must be a topic the engine tails (system views and internals are not). */
  async function resolveTopics(refs: { name: string; byteOffset: number | undefined }[], translation: TranslatedSql): Promise<string[]> {
    const resolved = new Set<string>();
    for (const ref of refs) {
      let topic = findTopic(ref.name);
      if (!topic) {
        await ingest.refreshTopicsNow().catch(() => undefined);
        topic = findTopic(ref.name);
      }
      if (!topic) {
        const position = ref.byteOffset === undefined ? {} : translation.positionOfByteOffset(ref.byteOffset);
        throw new FomoError("not_found:table", `Table with name ${ref.name} does not exist (no such topic)`, position);
      }
      resolved.add(topic);
    }
    return [...resolved];
  }

  /** The case profile of a string column over every topic the query reads that has it (flags OR-ed). */
  async function caseProfileOf(connection: DuckDBConnection, topics: string[], column: string): Promise<CaseProfile | undefined> {
    let merged: CaseProfile | undefined;
    for (const topic of topics) {
      const state = ingest.topics.get(topic);
      if (!state) continue;
      let profile: CaseProfile | undefined;
      try {
        profile = await caseProfiles.profile(connection, state.table, column, state.partitions);
      } catch {
        // A profile that cannot be read (a topic dropped meanwhile) means no folding, not a failed query.
        return undefined;
      }
      if (!profile) continue;
      merged = { hasLower: (merged?.hasLower ?? false) || profile.hasLower, hasUpper: (merged?.hasUpper ?? false) || profile.hasUpper };
    }
    return merged;
  }

  function topicColumnTypes(table: string): ReadonlyMap<string, string> | undefined {
    const topic = findTopic(table);
    const state = topic === undefined ? undefined : ingest.topics.get(topic);
    if (!state) return undefined;
    return new Map([...METADATA_COLUMNS, ...state.table.columns()].map((column) => [column.name.toLowerCase(), column.type]));
  }

  function findTopic(name: string): string | undefined {
    if (ingest.topics.has(name)) return name;
    const lower = name.toLowerCase();
    return [...ingest.topics.keys()].find((topic) => topic.toLowerCase() === lower);
  }

  function freshnessOf(topics: string[]): number | null {
    const newest = Math.max(...topics.map((topic) => ingest.topics.get(topic)?.newestTimestampMs ?? -Infinity));
    return Number.isFinite(newest) ? Math.max(0, Date.now() - newest) : null;
  }

  return engine;
}

async function takeSnapshotOrFail(clients: EngineKafkaClients, topics: string[]) {
  try {
    return await takeSnapshot(clients, topics);
  } catch (cause) {
    throw new FomoError("unavailable:kafka", "Cannot read the topics' offsets from Kafka right now", { cause, canRetry: true });
  }
}

function closeDuckDb(instance: DuckDBInstance, connections: DuckDBConnection[]): void {
  for (const connection of connections) connection.closeSync();
  instance.closeSync();
}

export type { ResolvedEngineOptions };
export { isHiddenTopic };
