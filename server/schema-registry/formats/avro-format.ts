import avro from "avsc";
import { registryErrors } from "../registry-error";

/** A parsed Avro schema; only avsc's `Type` knows how to resolve one schema against another. */
export type AvroType = avro.Type;

export function parseAvroSchema(text: string): AvroType {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw registryErrors.invalidSchema(`Invalid schema: not JSON (${(cause as Error).message})`, cause);
  }
  try {
    return avro.Type.forSchema(json as avro.Schema);
  } catch (cause) {
    throw registryErrors.invalidSchema(`Invalid Avro schema: ${(cause as Error).message}`, cause);
  }
}

/**
 * The text two registrations are compared by: the parsed schema written back, so whitespace and
 * property order do not matter while defaults, docs and custom attributes still do (as Confluent's).
 */
export function avroCanonical(text: string): string {
  return JSON.stringify(parseAvroSchema(text).schema({ exportAttrs: true }));
}

/** Why `reader` cannot read data written with `writer`, or undefined when it can (Avro schema resolution). */
export function avroReadProblem(reader: AvroType, writer: AvroType): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
