import avro from "avsc";
import protobuf from "protobufjs";
import { avroColumns, type Column } from "./avro-column-types";
import { avroDecodingOptions } from "./avro-logical-types";
import type { DecodedFormat } from "./decode-result";
import { toPlainJson } from "./plain-json";
import { protobufColumns } from "./protobuf-column-types";
import type { RegisteredSchema } from "./registry-lookup";
import { readMessageIndexes } from "./wire-format";

/** A decoded payload, with the column types its writer schema gives it (Avro, Protobuf). */
export interface DecodedPayload {
  value: unknown;
  columns?: readonly Column[];
}

/** A registered schema made ready to decode payloads; `decode` throws on a payload that does not fit. */
export interface PayloadDecoder {
  format: DecodedFormat;
  decode(payload: Buffer): DecodedPayload;
}

function avroDecoder(schemaText: string): PayloadDecoder {
  const parsed = JSON.parse(schemaText) as avro.Schema;
  const type = avro.Type.forSchema(parsed, avroDecodingOptions());
  const columns = avroColumns(schemaText);
  return {
    format: "avro",
    decode(payload) {
      const { value, offset } = type.decode(payload, 0);
      if (offset < 0) throw new Error(`the Avro payload is truncated (${payload.length} bytes)`);
      if (offset !== payload.length) throw new Error(`${payload.length - offset} bytes left after the Avro value`);
      return { value: toPlainJson(value), columns };
    },
  };
}

/** The message types of a namespace in declaration order (what Confluent's message indexes count). */
function messageTypes(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.filter((nested): nested is protobuf.Type => nested instanceof protobuf.Type);
}

function protobufDecoder(schemaText: string): PayloadDecoder {
  const parsed = protobuf.parse(schemaText, { keepCase: true });
  const top = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
  if (!(top instanceof protobuf.Namespace)) throw new Error(`package ${parsed.package ?? ""} has no types`);
  const typeAt = (indexes: number[]): protobuf.Type | undefined => {
    let candidates = messageTypes(top);
    let found: protobuf.Type | undefined;
    for (const index of indexes) {
      found = candidates[index];
      if (!found) return undefined;
      candidates = messageTypes(found);
    }
    return found;
  };
  // Computed once per message type: every value of a type shares its columns (the engine groups by them).
  const columnsByType = new Map<protobuf.Type, readonly Column[]>();
  const columnsOf = (type: protobuf.Type) => {
    let columns = columnsByType.get(type);
    if (!columns) columnsByType.set(type, (columns = protobufColumns(type)));
    return columns;
  };
  const toObject = (type: protobuf.Type, bytes: Buffer): DecodedPayload => ({
    value: toPlainJson(type.toObject(type.decode(bytes), { longs: String, enums: String, bytes: String, defaults: true, arrays: true })),
    columns: columnsOf(type),
  });
  return {
    format: "protobuf",
    decode(payload) {
      const framed = readMessageIndexes(payload);
      const type = framed && typeAt(framed.indexes);
      if (framed && type) {
        try {
          return toObject(type, framed.rest);
        } catch (error) {
          if (framed.indexes.length > 1 || framed.indexes[0] !== 0) throw error;
        }
      }
      // Some producers (e.g. @kafkajs/confluent-schema-registry) write no message indexes: the
      // payload is then the first message type itself.
      const first = typeAt([0]);
      if (!first) throw new Error("the Protobuf schema declares no message type");
      return toObject(first, payload);
    },
  };
}

function jsonSchemaDecoder(): PayloadDecoder {
  return { format: "json-schema", decode: (payload) => ({ value: JSON.parse(payload.toString("utf8")) as unknown }) };
}

/** Throws when the schema cannot be used (a parser error). */
export function payloadDecoderFor(schema: RegisteredSchema): PayloadDecoder {
  if (schema.schemaType === "AVRO") return avroDecoder(schema.schema);
  if (schema.schemaType === "PROTOBUF") return protobufDecoder(schema.schema);
  return jsonSchemaDecoder();
}
