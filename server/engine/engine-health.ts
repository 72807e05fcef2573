import { z } from "zod";

/** `GET /v1/health`: per topic, per partition, how far ingest is behind the broker. */
export const partitionHealthSchema = z.object({
  partition: z.number().int(),
  /** Next offset to ingest: every message below it is queryable. */
  ingestedOffset: z.string(),
  highWatermark: z.string(),
  logStartOffset: z.string(),
  lagMessages: z.number(),
});

export const topicHealthSchema = z.object({
  topic: z.string(),
  hidden: z.boolean(),
  ingestedMessages: z.number(),
  corruptMessages: z.number(),
  /** Values that did not fit their column (NULL there, recorded in the row's `_misfits`), per column. */
  misfitsByColumn: z.record(z.string(), z.number()),
  misfitValues: z.number(),
  /** Objects with fields that are not columns (beyond the column cap, unnameable keys): kept in `_raw`. */
  overflowMessages: z.number(),
  /** Rows whose key or value waits for the schema registry (unknown schema id, registry down): decoded again later. */
  undecodedMessages: z.number(),
  newestTimestamp: z.string().nullable(),
  partitions: z.array(partitionHealthSchema),
});

export const engineHealthSchema = z.object({
  healthy: z.boolean(),
  brokerReachable: z.boolean(),
  lastError: z.string().nullable(),
  ingestedMessages: z.number(),
  lagMessages: z.number(),
  corruptMessages: z.number(),
  misfitValues: z.number(),
  overflowMessages: z.number(),
  undecodedMessages: z.number(),
  /** Age of the newest ingested message (ms), null before any message. */
  freshnessMs: z.number().nullable(),
  runningQueries: z.number(),
  queuedQueries: z.number(),
  /** SQL statements received since the engine started (`npm run load` derives queries per second from it). */
  queriesReceived: z.number(),
  /** Catalog requests (`GET /v1/catalog`) since the engine started. */
  catalogRequests: z.number(),
  topics: z.array(topicHealthSchema),
});

export type EngineHealth = z.infer<typeof engineHealthSchema>;
export type TopicHealth = z.infer<typeof topicHealthSchema>;
