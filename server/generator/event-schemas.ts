import { readFileSync } from "node:fs";
import type { TopicKind } from "../dataset/topics";

/** The value formats the generator writes; avro and protobuf go through the Schema Registry. */
export const VALUE_FORMATS = ["json", "avro", "protobuf"] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];
export type RegisteredFormat = Exclude<ValueFormat, "json">;

const SCHEMA_FILES: Record<RegisteredFormat, { schemaType: "AVRO" | "PROTOBUF"; extension: string }> = {
  avro: { schemaType: "AVRO", extension: "avsc" },
  protobuf: { schemaType: "PROTOBUF", extension: "proto" },
};

/** The schema of a topic's values in a format, as written in `schemas/` (what is registered). */
export function eventSchema(kind: TopicKind, format: RegisteredFormat): { schemaType: "AVRO" | "PROTOBUF"; schema: string } {
  const { schemaType, extension } = SCHEMA_FILES[format];
  const schema = readFileSync(new URL(`./schemas/${kind}.${extension}`, import.meta.url), "utf8");
  // Avro is registered in its compact form: the registry compares canonical forms anyway.
  return { schemaType, schema: schemaType === "AVRO" ? JSON.stringify(JSON.parse(schema)) : schema };
}

/** Confluent's TopicNameStrategy: the values of topic `t` are registered under subject `t-value`. */
export function valueSubjectOf(topic: string): string {
  return `${topic}-value`;
}
