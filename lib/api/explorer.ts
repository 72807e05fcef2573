import { z } from "zod";

/**
 * Shapes of the Kafka explorer's API (`/api/kafka/...`), shared by the route handlers and the
 * explorer's client components. Offsets are plain numbers: they stay far below 2^53 here.
 */

export const topicNameSchema = z
  .string()
  .min(1)
  .max(249)
  .regex(/^[A-Za-z0-9._-]+$/, "a Kafka topic name uses letters, digits, '.', '_' and '-' only");

export const groupIdSchema = z.string().min(1).max(255);

/**
 * Null on a fresh reading. Otherwise why Kafka did not answer the latest one: the figures are then
 * the last good reading (`sampledAt` says when), shown flagged rather than replaced by an error.
 */
export const staleBecauseSchema = z.string().nullable();

export const groupLagSchema = z.object({
  groupId: z.string(),
  /** Messages behind the high watermark, summed over the partitions the group has committed. */
  lag: z.number(),
});

export const topicSummarySchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number(),
  /** Sum over partitions of high watermark minus log start offset. */
  messages: z.number(),
  /** Bytes on disk reported by the broker (DescribeLogDirs); null when it does not tell. */
  sizeBytes: z.number().nullable(),
  /** Messages per second from two watermark readings; null until two readings exist. */
  producePerSec: z.number().nullable(),
  consumerGroups: z.array(groupLagSchema),
  deadLetter: z.boolean(),
});

export const deadLetterReasonSchema = z.object({ reason: z.string(), count: z.number(), lastAt: z.string().nullable() });

export const deadLetterSummarySchema = z.object({
  topic: z.string(),
  exists: z.boolean(),
  messages: z.number(),
  /** How many of the newest dead letters the reasons were read from. */
  sampled: z.number(),
  reasons: z.array(deadLetterReasonSchema),
});

export const topicsOverviewSchema = z.object({
  topics: z.array(topicSummarySchema),
  deadLetter: deadLetterSummarySchema,
  sampledAt: z.string(),
  staleBecause: staleBecauseSchema,
});

export const partitionDetailSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  logStartOffset: z.number(),
  highWatermark: z.number(),
  messages: z.number(),
  sizeBytes: z.number().nullable(),
});

export const partitionLagSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** -1 when the group has not committed this partition. */
  committedOffset: z.number(),
  logStartOffset: z.number(),
  highWatermark: z.number(),
  lag: z.number(),
});

export const topicDetailSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  messages: z.number(),
  sizeBytes: z.number().nullable(),
  producePerSec: z.number().nullable(),
  partitions: z.array(partitionDetailSchema),
  consumerGroups: z.array(z.object({ groupId: z.string(), state: z.string(), lag: z.number(), partitions: z.array(partitionLagSchema) })),
  sampledAt: z.string(),
  staleBecause: staleBecauseSchema,
});

export const explorerHeaderSchema = z.object({ key: z.string(), value: z.string().nullable() });

/** The formats server/decoding reads (Confluent-framed through the registry, or plain JSON). */
export const decodedFormatSchema = z.enum(["json", "avro", "protobuf", "json-schema"]);

/**
 * A key or value as the explorer shows it, decoded by server/decoding:
 * - `null`: no bytes (a tombstone, or a message without a key);
 * - `decoded`: the data as JSON text (decimals as exact strings, timestamps as ISO times), with the
 *   schema id, subject and version when it was Confluent-framed;
 * - `text`: UTF-8 text that is neither framed nor JSON (most keys);
 * - `undecodable`: why not (`unknown-schema-id`, `registry-unreachable`, …) and the raw bytes.
 */
export const messagePayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("null") }),
  z.object({
    kind: z.literal("decoded"),
    format: decodedFormatSchema,
    schemaId: z.number().nullable(),
    schemaVersion: z.number().nullable(),
    subject: z.string().nullable(),
    json: z.string(),
    /** True when `json` was cut to the display limit. */
    truncated: z.boolean(),
  }),
  z.object({ kind: z.literal("text"), text: z.string(), truncated: z.boolean() }),
  z.object({
    kind: z.literal("undecodable"),
    /** server/decoding's failure reason, e.g. `unknown-schema-id`, `registry-unreachable`, `malformed`. */
    reason: z.string(),
    detail: z.string(),
    schemaId: z.number().nullable(),
    /** The first bytes as hex pairs and as base64; `previewTruncated` when there are more. */
    hexPreview: z.string(),
    base64Preview: z.string(),
    previewTruncated: z.boolean(),
  }),
]);

export const explorerMessageSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
  timestamp: z.string(),
  key: messagePayloadSchema,
  value: messagePayloadSchema,
  headers: z.array(explorerHeaderSchema),
  sizeBytes: z.number(),
});

export const groupSummarySchema = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  members: z.number(),
  topics: z.array(z.string()),
  totalLag: z.number(),
});

export const groupsOverviewSchema = z.object({
  groups: z.array(groupSummarySchema),
  sampledAt: z.string(),
  staleBecause: staleBecauseSchema,
});

export const lagSampleSchema = z.object({ at: z.string(), lag: z.number() });

export const groupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  protocol: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      clientId: z.string(),
      clientHost: z.string(),
      assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })),
    }),
  ),
  offsets: z.array(partitionLagSchema),
  totalLag: z.number(),
  lagHistory: z.array(lagSampleSchema),
  sampledAt: z.string(),
  staleBecause: staleBecauseSchema,
});

/** Where a search starts: the newest messages, a point in time, or an offset in every partition. */
export const searchStartSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("newest") }),
  z.object({ kind: z.literal("beginning") }),
  z.object({ kind: z.literal("time"), timestamp: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal("offset"), offset: z.number().int().min(0), partition: z.number().int().min(0).optional() }),
]);

export const SEARCH_DEFAULT_CAP = 10_000;
export const SEARCH_MAX_CAP = 100_000;

export const searchRequestSchema = z.object({
  field: z.enum(["key", "value"]),
  text: z.string().min(1).max(500),
  start: searchStartSchema.default({ kind: "newest" }),
  maxMessages: z.number().int().min(1).max(SEARCH_MAX_CAP).default(SEARCH_DEFAULT_CAP),
});

export const searchProgressSchema = z.object({ scanned: z.number(), planned: z.number(), matches: z.number() });
export const searchDoneSchema = searchProgressSchema.extend({
  reason: z.enum(["range_end", "message_cap", "match_cap"]),
  elapsedMs: z.number(),
});

export type TopicSummary = z.infer<typeof topicSummarySchema>;
export type DeadLetterSummary = z.infer<typeof deadLetterSummarySchema>;
export type TopicsOverview = z.infer<typeof topicsOverviewSchema>;
export type PartitionDetail = z.infer<typeof partitionDetailSchema>;
export type PartitionLag = z.infer<typeof partitionLagSchema>;
export type TopicDetail = z.infer<typeof topicDetailSchema>;
export type MessagePayload = z.infer<typeof messagePayloadSchema>;
export type ExplorerHeader = z.infer<typeof explorerHeaderSchema>;
export type ExplorerMessage = z.infer<typeof explorerMessageSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type GroupsOverview = z.infer<typeof groupsOverviewSchema>;
export type GroupDetail = z.infer<typeof groupDetailSchema>;
export type LagSample = z.infer<typeof lagSampleSchema>;
export type SearchStart = z.infer<typeof searchStartSchema>;
export type SearchRequest = z.infer<typeof searchRequestSchema>;
export type SearchProgress = z.infer<typeof searchProgressSchema>;
export type SearchDone = z.infer<typeof searchDoneSchema>;
