/** The Schema Registry's store (Confluent's default name, and the embedded registry's): bookkeeping, not data. */
const SCHEMA_REGISTRY_TOPIC = "_schemas";

/**
 * Which topics are tables. `__*` topics (the broker's own, e.g. `__consumer_offsets`) and the
 * registry's `_schemas` are never ingested; dead-letter topics are ingested but hidden from SHOW TABLES and the catalog unless
 * asked for (`SHOW ALL TABLES`, `GET /v1/catalog?all=1`).
 */
export function isInternalTopic(topic: string): boolean {
  return topic.startsWith("__") || topic === SCHEMA_REGISTRY_TOPIC;
}

export function isHiddenTopic(topic: string, dlqTopic: string): boolean {
  return isInternalTopic(topic) || topic === dlqTopic || topic.endsWith("-dlq");
}
