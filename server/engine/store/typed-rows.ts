import type { Column } from "../../decoding/avro-column-types";
import { StagedRows } from "./staged-rows";

/**
 * Avro and Protobuf values of one fetch for one topic, decoded through server/decoding: JSON text
 * whose columns are not inferred but given by the writer schema (`columnsBySchema`, per schema id).
 */
export class TypedRows extends StagedRows {
  readonly columnsBySchema = new Map<number, readonly Column[]>();

  pushTyped(
    partition: number,
    offset: number,
    timestampMs: number,
    key: string | null,
    valueJson: string,
    headers: string | null,
    schemaId: number,
    columns: readonly Column[],
    decodeError: string | null,
  ): void {
    this.push(partition, offset, timestampMs, key, valueJson, headers, schemaId, decodeError);
    if (!this.columnsBySchema.has(schemaId)) this.columnsBySchema.set(schemaId, columns);
  }
}
