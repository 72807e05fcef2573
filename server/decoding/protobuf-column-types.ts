import protobuf from "protobufjs";
import type { Column, ColumnType } from "./avro-column-types";

/**
 * Engine column types for a Protobuf message type, as plain data (like `avroColumns` for Avro).
 * Values come out of the decoder with 64-bit integers as decimal strings and enums as their names,
 * which these types read exactly.
 */
const SCALARS: Record<string, ColumnType["kind"]> = {
  int32: "INTEGER",
  sint32: "INTEGER",
  sfixed32: "INTEGER",
  // Unsigned 32-bit values above 2^31 do not fit an INTEGER.
  uint32: "BIGINT",
  fixed32: "BIGINT",
  int64: "BIGINT",
  sint64: "BIGINT",
  sfixed64: "BIGINT",
  uint64: "UBIGINT",
  fixed64: "UBIGINT",
  double: "DOUBLE",
  float: "DOUBLE",
  bool: "BOOLEAN",
  string: "VARCHAR",
  bytes: "BLOB",
};

/** A message nested deeper than this (a recursive type) is kept as JSON text: a STRUCT cannot recurse. */
const MAX_DEPTH = 16;

function scalarOrMessage(field: protobuf.Field, depth: number): ColumnType {
  const scalar = SCALARS[field.type];
  if (scalar) return { kind: scalar } as ColumnType;
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) return { kind: "VARCHAR" };
  if (resolved instanceof protobuf.Type && depth < MAX_DEPTH) return { kind: "STRUCT", fields: fieldsOf(resolved, depth + 1) };
  return { kind: "VARCHAR" };
}

function fieldsOf(type: protobuf.Type, depth: number): Column[] {
  return type.fieldsArray.map((field) => {
    const element = scalarOrMessage(field, depth);
    if (field instanceof protobuf.MapField) return { name: field.name, type: { kind: "MAP", value: element }, nullable: false };
    if (field.repeated) return { name: field.name, type: { kind: "LIST", element }, nullable: false };
    // Message fields and oneof members (proto3 `optional` too) may be absent; other scalars read as their default.
    const nullable = element.kind === "STRUCT" || field.partOf !== null;
    return { name: field.name, type: element, nullable };
  });
}

/** The columns of values of `type` (its schema must be resolved: `root.resolveAll()`). */
export function protobufColumns(type: protobuf.Type): Column[] {
  type.root.resolveAll();
  return fieldsOf(type, 0);
}
