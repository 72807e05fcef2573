/**
 * Engine column types for an Avro schema, as plain data (the engine decides how to use them).
 * A top-level record gives one column per field; any other schema one column named `value`.
 */
export type ColumnType =
  | { kind: "BIGINT" | "UBIGINT" | "INTEGER" | "DOUBLE" | "VARCHAR" | "BOOLEAN" | "TIMESTAMP" | "DATE" | "BLOB" }
  | { kind: "DECIMAL"; precision: number; scale: number }
  | { kind: "STRUCT"; fields: Column[] }
  | { kind: "LIST"; element: ColumnType }
  | { kind: "MAP"; value: ColumnType };

export interface Column {
  name: string;
  type: ColumnType;
  /** A union with null (or the null type itself). */
  nullable: boolean;
}

type AvroSchemaNode = string | AvroSchemaNode[] | { [key: string]: unknown };

const PRIMITIVES: Record<string, ColumnType["kind"]> = {
  long: "BIGINT",
  int: "INTEGER",
  double: "DOUBLE",
  float: "DOUBLE",
  string: "VARCHAR",
  boolean: "BOOLEAN",
  bytes: "BLOB",
  null: "VARCHAR",
};
const LOGICAL: Record<string, ColumnType["kind"]> = {
  "timestamp-millis": "TIMESTAMP",
  "timestamp-micros": "TIMESTAMP",
  "local-timestamp-millis": "TIMESTAMP",
  "local-timestamp-micros": "TIMESTAMP",
  date: "DATE",
  uuid: "VARCHAR",
};

/** Named types seen so far (a record, enum or fixed may be referenced by name after its definition). */
type NamedTypes = Map<string, { type: ColumnType; nullable: boolean }>;

function columnTypeOf(node: AvroSchemaNode, named: NamedTypes, namespace = ""): { type: ColumnType; nullable: boolean } {
  if (typeof node === "string") {
    const primitive = PRIMITIVES[node];
    if (primitive) return { type: { kind: primitive } as ColumnType, nullable: node === "null" };
    const reference = named.get(node) ?? named.get(namespace ? `${namespace}.${node}` : node);
    return reference ?? { type: { kind: "VARCHAR" }, nullable: true };
  }
  if (Array.isArray(node)) {
    const branches = node.filter((branch) => branch !== "null");
    const nullable = branches.length < node.length;
    // A union of several non-null types has no single column type: it is kept as text (JSON).
    if (branches.length !== 1 || !branches[0]) return { type: { kind: "VARCHAR" }, nullable: true };
    return { type: columnTypeOf(branches[0], named, namespace).type, nullable };
  }
  const type = node.type as AvroSchemaNode;
  const logical = typeof node.logicalType === "string" ? node.logicalType : undefined;
  if (logical === "decimal" && typeof node.precision === "number") {
    return {
      type: { kind: "DECIMAL", precision: node.precision, scale: typeof node.scale === "number" ? node.scale : 0 },
      nullable: false,
    };
  }
  if (logical && LOGICAL[logical]) return { type: { kind: LOGICAL[logical] } as ColumnType, nullable: false };
  const innerNamespace = typeof node.namespace === "string" ? node.namespace : namespace;
  const remember = (result: { type: ColumnType; nullable: boolean }) => {
    if (typeof node.name === "string") {
      named.set(node.name.includes(".") || !innerNamespace ? node.name : `${innerNamespace}.${node.name}`, result);
      named.set(node.name, result);
    }
    return result;
  };
  if (type === "record" || type === "error") {
    const fields = Array.isArray(node.fields) ? (node.fields as { name: string; type: AvroSchemaNode }[]) : [];
    return remember({
      type: { kind: "STRUCT", fields: fields.map((field) => column(field.name, field.type, named, innerNamespace)) },
      nullable: false,
    });
  }
  if (type === "enum") return remember({ type: { kind: "VARCHAR" }, nullable: false });
  if (type === "fixed") return remember({ type: { kind: "BLOB" }, nullable: false });
  if (type === "array")
    return { type: { kind: "LIST", element: columnTypeOf(node.items as AvroSchemaNode, named, innerNamespace).type }, nullable: false };
  if (type === "map")
    return { type: { kind: "MAP", value: columnTypeOf(node.values as AvroSchemaNode, named, innerNamespace).type }, nullable: false };
  return columnTypeOf(type, named, innerNamespace);
}

function column(name: string, node: AvroSchemaNode, named: NamedTypes, namespace: string): Column {
  const { type, nullable } = columnTypeOf(node, named, namespace);
  return { name, type, nullable };
}

/** The columns of values written with `schema` (an Avro schema as parsed JSON or as its text). */
export function avroColumns(schema: unknown): Column[] {
  const node = (typeof schema === "string" ? JSON.parse(schema) : schema) as AvroSchemaNode;
  const top = columnTypeOf(node, new Map());
  return top.type.kind === "STRUCT" ? top.type.fields : [{ name: "value", ...top }];
}

/** DuckDB's spelling of a column type, e.g. `DECIMAL(10,2)`, `STRUCT("a" BIGINT)`, `VARCHAR[]`. */
export function duckdbTypeName(type: ColumnType): string {
  switch (type.kind) {
    case "DECIMAL":
      return `DECIMAL(${type.precision},${type.scale})`;
    case "STRUCT":
      return `STRUCT(${type.fields.map((field) => `"${field.name.replaceAll('"', '""')}" ${duckdbTypeName(field.type)}`).join(", ")})`;
    case "LIST":
      return `${duckdbTypeName(type.element)}[]`;
    case "MAP":
      return `MAP(VARCHAR, ${duckdbTypeName(type.value)})`;
    default:
      return type.kind;
  }
}
