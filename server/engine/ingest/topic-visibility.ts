/**
 * Which topics are tables. `__*` topics (the broker's own, e.g. `__consumer_offsets`) are never
 * ingested; dead-letter topics are ingested but hidden from SHOW TABLES and the catalog unless
 * asked for (`SHOW ALL TABLES`, `GET /v1/catalog?all=1`).
 */
export function isInternalTopic(topic: string): boolean {
  return topic.startsWith("__");
}

export function isHiddenTopic(topic: string, dlqTopic: string): boolean {
  return isInternalTopic(topic) || topic === dlqTopic || topic.endsWith("-dlq");
}
