/**
 * Turns what a decoder library returns (avsc record instances, Buffers, protobufjs objects) into
 * plain JSON-compatible data. Dates stay Dates (they serialise as ISO strings); bytes become
 * base64 strings; bigints become decimal strings; NaN and ±Infinity, which JSON cannot carry, null.
 */
export function toPlainJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value)) return value.map(toPlainJson);
  const plain: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) plain[key] = toPlainJson(inner);
  return plain;
}
