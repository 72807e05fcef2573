import avro from "avsc";
import protobuf from "protobufjs";
import { avroDecodingOptions } from "./avro-logical-types";
import { CONFLUENT_HEADER_BYTES, CONFLUENT_MAGIC_BYTE, writeMessageIndexes } from "./wire-format";

/** A schema as the registry holds it, with the id it gave it: what a producer needs to frame values. */
export interface SchemaForEncoding {
  id: number;
  schemaType: "AVRO" | "PROTOBUF";
  schema: string;
}

/**
 * Turns values into Confluent-framed bytes for one registered schema. Values are the producer's
 * own, so they are not validated first (that would double the cost): give fields of the right types.
 */
export interface ConfluentEncoder {
  format: "avro" | "protobuf";
  schemaId: number;
  encode(value: unknown): Buffer;
}

/**
 * The Confluent wire format, producer side: magic byte 0, the schema id as a 4-byte big-endian
 * integer, for Protobuf the message-index array (a single 0 byte for the first message type, as
 * Confluent's serializer writes it), then the payload. The decoder reads exactly this.
 */
export function encodeConfluent(schemaId: number, payload: Uint8Array, messageIndexes?: number[]): Buffer {
  const indexes = messageIndexes ? writeMessageIndexes(messageIndexes) : Buffer.alloc(0);
  const framed = Buffer.allocUnsafe(CONFLUENT_HEADER_BYTES + indexes.length + payload.length);
  writeHeader(framed, schemaId);
  indexes.copy(framed, CONFLUENT_HEADER_BYTES);
  framed.set(payload, CONFLUENT_HEADER_BYTES + indexes.length);
  return framed;
}

function writeHeader(target: Buffer, schemaId: number): void {
  target[0] = CONFLUENT_MAGIC_BYTE;
  target.writeInt32BE(schemaId, 1);
}

/**
 * Avro values are written straight after the header into one reused scratch buffer and copied out
 * once: the bulk producer encodes millions of them, and avsc's own `toBuffer` would copy twice.
 * The logical types are the decoder's, so a value round-trips (decimal from a number or an exact
 * decimal string, timestamp-millis from a Date).
 */
function avroEncoder(schema: SchemaForEncoding): ConfluentEncoder {
  const type = avro.Type.forSchema(JSON.parse(schema.schema) as avro.Schema, avroDecodingOptions());
  let scratch = Buffer.allocUnsafe(4_096);
  return {
    format: "avro",
    schemaId: schema.id,
    encode(value) {
      writeHeader(scratch, schema.id);
      let end = type.encode(value, scratch, CONFLUENT_HEADER_BYTES);
      if (end < 0) {
        // avsc says how many bytes it lacked (as a negative end): grow once and write again.
        scratch = Buffer.allocUnsafe(Math.max(scratch.length * 2, scratch.length - end));
        writeHeader(scratch, schema.id);
        end = type.encode(value, scratch, CONFLUENT_HEADER_BYTES);
      }
      return Buffer.from(scratch.subarray(0, end));
    },
  };
}

/** Protobuf: the first message type of the schema (message index [0]), fields by their names in the .proto. */
function protobufEncoder(schema: SchemaForEncoding): ConfluentEncoder {
  const parsed = protobuf.parse(schema.schema, { keepCase: true });
  const scope = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
  const first = scope instanceof protobuf.Namespace ? scope.nestedArray.find((nested) => nested instanceof protobuf.Type) : undefined;
  if (!(first instanceof protobuf.Type)) throw new Error(`schema ${schema.id} declares no Protobuf message type`);
  return {
    format: "protobuf",
    schemaId: schema.id,
    encode(value) {
      // A plain object encodes directly (protobufjs reads its fields by name); no verify/fromObject
      // pass, which would double the cost of the bulk producer's hot path. Like Avro's, values are trusted.
      return encodeConfluent(schema.id, first.encode(value as Record<string, unknown>).finish(), [0]);
    },
  };
}

/** Throws when the schema cannot be parsed. */
export function confluentEncoderFor(schema: SchemaForEncoding): ConfluentEncoder {
  return schema.schemaType === "AVRO" ? avroEncoder(schema) : protobufEncoder(schema);
}
