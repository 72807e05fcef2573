import type { SchemaIdentity } from "../registry-state";
import type { SchemaType } from "../store-records";
import { avroCanonical } from "./avro-format";
import { jsonSchemaCanonical } from "./json-schema-format";
import { protobufCanonical } from "./protobuf-format";

/** Validates a schema of any supported type; throws 42201 (invalid schema) with the parser's reason. */
export function canonicalSchema(schemaType: SchemaType, text: string): string {
  if (schemaType === "AVRO") return avroCanonical(text);
  if (schemaType === "PROTOBUF") return protobufCanonical(text);
  return jsonSchemaCanonical(text);
}

export const schemaIdentity: SchemaIdentity = (schemaType, schema, references) =>
  JSON.stringify([schemaType, canonicalSchema(schemaType, schema), references]);
