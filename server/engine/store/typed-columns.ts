import type { DuckDBConnection } from "@duckdb/node-api";
import { duckdbTypeName, type Column, type ColumnType } from "../../decoding/avro-column-types";
import { columnNameOfField } from "./metadata-columns";
import { quoteIdentifier } from "./quote-identifier";
import type { TypedColumnTarget } from "./typed-rows-sql";

/** A column whose type a writer schema (Avro, Protobuf) gave, not the JSON typing rule. */
export interface TypedColumnState {
  name: string;
  type: string;
  misfits: number;
}

/**
 * The engine's type for a schema field: server/decoding's type, except bytes nested in a record, a
 * list or a map, which stay their base64 text (a JSON cast cannot decode base64 inside a STRUCT).
 */
export function engineTypeOf(type: ColumnType, nested = false): string {
  return duckdbTypeName(withoutNestedBlobs(type, nested));
}

function withoutNestedBlobs(type: ColumnType, nested: boolean): ColumnType {
  switch (type.kind) {
    case "BLOB":
      return nested ? { kind: "VARCHAR" } : type;
    case "STRUCT":
      return { kind: "STRUCT", fields: type.fields.map((field) => ({ ...field, type: withoutNestedBlobs(field.type, true) })) };
    case "LIST":
      return { kind: "LIST", element: withoutNestedBlobs(type.element, true) };
    case "MAP":
      return { kind: "MAP", value: withoutNestedBlobs(type.value, true) };
    default:
      return type;
  }
}

/** Avro's promotions (int → long, float, double; long → float, double) widen the column: nothing is lost. */
const WIDENINGS: Record<string, string[]> = { INTEGER: ["BIGINT", "DOUBLE"], BIGINT: ["DOUBLE"] };

/**
 * The schema-typed columns of one topic. A writer schema's fields become columns with the schema's
 * exact types the first time a value written with it arrives; a later schema version's new field
 * is a new column (rows written before read NULL there); a field whose type a later version widens
 * (int → long) widens its column; any other type change keeps the column's type (values that do
 * not convert are misfits). Names are lower-cased like JSON fields, so the same SQL reads a topic
 * whether its producer writes JSON or Avro.
 */
export class TypedColumns {
  readonly byName = new Map<string, TypedColumnState>();

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly table: string,
  ) {}

  /**
   * The targets of a schema's fields, creating or widening columns first. `existingType` gives the
   * type of a column the JSON rule made (a field of that name then lands there); `onCreate` is told
   * each new column's name.
   */
  async targetsFor(
    columns: readonly Column[],
    existingType: (name: string) => string | undefined,
    onCreate: (name: string) => void,
  ): Promise<TypedColumnTarget[]> {
    const targets: TypedColumnTarget[] = [];
    const seen = new Set<string>();
    for (const field of columns) {
      const name = columnNameOfField(field.name);
      if (seen.has(name)) continue; // two fields differing only in case: the first one counts
      seen.add(name);
      const schemaType = engineTypeOf(field.type);
      let type = this.byName.get(name)?.type ?? existingType(name);
      if (type === undefined) {
        await this.connection.run(`ALTER TABLE ${this.table} ADD COLUMN ${quoteIdentifier(name)} ${schemaType}`);
        this.byName.set(name, { name, type: schemaType, misfits: 0 });
        onCreate(name);
        type = schemaType;
      } else if (type !== schemaType && this.byName.has(name) && WIDENINGS[type]?.includes(schemaType)) {
        await this.connection.run(`ALTER TABLE ${this.table} ALTER COLUMN ${quoteIdentifier(name)} SET DATA TYPE ${schemaType}`);
        this.byName.get(name)!.type = schemaType;
        type = schemaType;
      }
      targets.push({ column: name, field: field.name, type, sameType: type === schemaType, base64: field.type.kind === "BLOB" });
    }
    return targets;
  }
}
