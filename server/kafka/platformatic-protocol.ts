/**
 * The Kafka protocol pieces of @platformatic/kafka that FOMO's two hot paths build on: the
 * engine's lean Fetch (lean-fetch.ts and record-batch-decoder.ts, sent by fetch-path.ts) and the bulk
 * producer's raw Produce (server/generator/raw-produce.ts and record-batch.ts). See
 * platformatic-client.ts for why these two paths do not use kafkajs.
 */
export { compressionsAlgorithmsByBitmask, crc32c, createAPI, fetchV17, produceV9, ResponseError, Writer } from "@platformatic/kafka";
export type { Reader } from "@platformatic/kafka";
