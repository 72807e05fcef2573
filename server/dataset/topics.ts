import { purchaseAt, requestAt, type Purchase, type Request } from "./dataset";

/**
 * The declarative definition of what the generator produces: per topic, its default name, its
 * partition count, how the event number `index` of a seed becomes a value, and which field is the
 * key. Everything the generator, the bulk producer and the tests do is driven by this table.
 */
export interface TopicDefinition<Value extends { customerId: string }> {
  /** Default topic name (tests and the benchmark inject their own). */
  name: string;
  partitions: number;
  /** The value of event `index` under `seed`; pure. */
  valueAt(seed: number, index: number): Value;
  /** The message key: DESIGN §3 keys both topics by customerId (as a string). */
  keyOf(value: Value): string;
  /**
   * The JSON text of a value: byte for byte what JSON.stringify gives (a test checks it), written
   * out by hand because the bulk mode serialises millions of them.
   */
  serialize(value: Value): string;
}

export const TOPIC_KINDS = ["purchases", "requestlog"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export const TOPICS: { purchases: TopicDefinition<Purchase>; requestlog: TopicDefinition<Request> } = {
  purchases: {
    name: "purchases",
    partitions: 3,
    valueAt: purchaseAt,
    keyOf: (value) => value.customerId,
    // customerId and itemCode are [A-Z0-9-] only and amount a finite number: nothing to escape.
    serialize: (value) => `{"customerId":"${value.customerId}","amount":${value.amount},"itemCode":"${value.itemCode}"}`,
  },
  requestlog: {
    name: "requestlog",
    partitions: 3,
    valueAt: requestAt,
    keyOf: (value) => value.customerId,
    // The five user agents contain no quote, backslash or control character.
    serialize: (value) => `{"customerId":"${value.customerId}","userAgent":"${value.userAgent}"}`,
  },
};

/** A message ready for kafkajs: key and JSON value, both as strings. */
export interface GeneratedMessage {
  key: string;
  value: string;
}

/** Event `index` of `kind` under `seed`, serialised as the message the generator produces. */
export function messageAt(kind: TopicKind, seed: number, index: number): GeneratedMessage {
  const definition = TOPICS[kind] as TopicDefinition<{ customerId: string }>;
  const value = definition.valueAt(seed, index);
  return { key: definition.keyOf(value), value: definition.serialize(value) };
}
