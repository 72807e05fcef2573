import { z } from "zod";

/** Which side of the story a query runs on. */
export const databaseSchema = z.enum(["warehouse", "kafka"]);
export type Database = z.infer<typeof databaseSchema>;

/** Upper bound on SQL text size accepted by any endpoint. */
export const MAX_SQL_LENGTH = 100_000;

export const sqlTextSchema = z.string().min(1, "SQL is empty").max(MAX_SQL_LENGTH, "SQL is too long");

/** Body of the engine's `POST /v1/query`. */
export const engineQueryRequestSchema = z.object({ sql: sqlTextSchema });
export type EngineQueryRequest = z.infer<typeof engineQueryRequestSchema>;

/**
 * Names one run so that only its caller can cancel it: 128 random bits the browser draws per run
 * (32 lowercase hex characters), never derived from anything another visitor could know.
 */
export const queryIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "queryId must be 32 lowercase hex characters (128 random bits)");
export type QueryId = z.infer<typeof queryIdSchema>;

/** Body of the web app's `POST /api/query`; `queryId` is needed only to cancel the run later. */
export const queryRequestSchema = z.object({ database: databaseSchema, sql: sqlTextSchema, queryId: queryIdSchema.optional() });
export type QueryRequest = z.infer<typeof queryRequestSchema>;

/** Body of `POST /api/query/cancel`. */
export const cancelRequestSchema = z.object({ queryId: queryIdSchema });
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/** Answer of `POST /api/query/cancel`: the run was stopped, and how long after the cancel it had ended on the server. */
export const cancelResultSchema = z.object({ queryId: queryIdSchema, cancelled: z.literal(true), stoppedInMs: z.number() });
export type CancelResult = z.infer<typeof cancelResultSchema>;

export const resultColumnSchema = z.object({ name: z.string(), type: z.string() });
export type ResultColumn = z.infer<typeof resultColumnSchema>;

/** A JSON-safe cell: big integers and decimals arrive as numbers when exact, else as strings. */
export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof cellSchema>;

/**
 * Offsets a Kafka query saw: per topic, per partition, the high watermark taken at query start
 * (exclusive) and the log start. `takenAt` is when the watermarks were read (ISO time).
 */
export const snapshotSchema = z.object({
  takenAt: z.string(),
  topics: z.record(z.string(), z.array(z.object({ partition: z.number().int(), logStartOffset: z.string(), highWatermark: z.string() }))),
  /** Age of the newest message visible to the query, in ms, when known. */
  freshnessMs: z.number().nullable().optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** The one result shape both databases answer in. */
export const queryResultSchema = z.object({
  columns: z.array(resultColumnSchema),
  rows: z.array(z.array(cellSchema)),
  rowCount: z.number().int(),
  truncated: z.boolean(),
  elapsedMs: z.number(),
  snapshot: z.union([snapshotSchema, z.object({}).strict()]).nullable(),
});
export type QueryResult = z.infer<typeof queryResultSchema>;

/** The one error shape every API returns with a 4xx/5xx status. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    /** With `rate_limit:*` codes: when to try again (also the `Retry-After` header, in seconds). */
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
