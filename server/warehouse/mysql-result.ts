import type { FieldPacket } from "mysql2";
import type { Cell, ResultColumn } from "../../lib/api/query";

/** Turns mysql2 result fields and rows into the API's column list and JSON-safe cells. */

/** Character set number MySQL uses for binary strings (BLOB, VARBINARY, BINARY). */
const BINARY_CHARSET = 63;

const TYPE_NAMES: Record<number, string> = {
  0x00: "DECIMAL",
  0x01: "TINYINT",
  0x02: "SMALLINT",
  0x03: "INT",
  0x04: "FLOAT",
  0x05: "DOUBLE",
  0x06: "NULL",
  0x07: "TIMESTAMP",
  0x08: "BIGINT",
  0x09: "MEDIUMINT",
  0x0a: "DATE",
  0x0b: "TIME",
  0x0c: "DATETIME",
  0x0d: "YEAR",
  0x0e: "DATE",
  0x0f: "VARCHAR",
  0x10: "BIT",
  0xf5: "JSON",
  0xf6: "DECIMAL",
  0xf7: "ENUM",
  0xf8: "SET",
  0xff: "GEOMETRY",
};

const TEXT_TYPES = new Set([0xf9, 0xfa, 0xfb, 0xfc]);

function typeName(field: FieldPacket): string {
  const type = field.columnType ?? field.type ?? -1;
  const binary = field.characterSet === BINARY_CHARSET;
  if (TEXT_TYPES.has(type)) return binary ? "BLOB" : "TEXT";
  if (type === 0xfd) return binary ? "VARBINARY" : "VARCHAR";
  if (type === 0xfe) return binary ? "BINARY" : "CHAR";
  return TYPE_NAMES[type] ?? "UNKNOWN";
}

export function resultColumns(fields: FieldPacket[]): ResultColumn[] {
  return fields.map((field) => ({ name: field.name, type: typeName(field) }));
}

/** Any decimal with at most 15 significant digits survives the trip through a JS double exactly. */
function decimalCell(text: string): Cell {
  const digits = text
    .replace(/^[-+]?0*/, "")
    .replace(".", "")
    .replace(/^0+/, "");
  return digits.length <= 15 ? Number(text) : text;
}

function toCell(value: unknown, type: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "string") return type === "DECIMAL" ? decimalCell(value) : value;
  if (Buffer.isBuffer(value)) {
    if (type === "BIT") return value.length <= 6 ? value.readUIntBE(0, value.length) : `0x${value.toString("hex")}`;
    const text = value.toString("utf8");
    return text.includes("\uFFFD") ? `0x${value.toString("hex")}` : text;
  }
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export function jsonSafeRows(rows: unknown[][], columns: ResultColumn[]): Cell[][] {
  return rows.map((row) => row.map((value, index) => toCell(value, columns[index]?.type ?? "UNKNOWN")));
}
