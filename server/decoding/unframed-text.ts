import { CONFLUENT_MAGIC_BYTE } from "./wire-format";

/**
 * The fast path of `ValueDecoder.decode` for readers that parse JSON themselves (the engine hands
 * JSON text to DuckDB, which parses and validates it vectorized): a value without Confluent framing
 * comes back as its UTF-8 text, unparsed ("" for no bytes); `undefined` means it is framed (or a
 * frame cut short), and `decode` must finish it. Synchronous and allocation-free beyond the string,
 * so a plain-JSON topic costs what it did before the registry formats existed.
 */
export function unframedText(bytes: Buffer, start = 0, end = bytes.length): string | undefined {
  if (end <= start) return "";
  if (bytes[start] === CONFLUENT_MAGIC_BYTE) return undefined;
  return bytes.toString("utf8", start, end);
}
