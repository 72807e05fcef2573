import { z } from "zod";
import { ValueDecoder } from "../decoding/value-decoder";
import { readConfluentFrame } from "../decoding/wire-format";
import { duplicateTopLevelKey } from "./json-top-level-keys";

/**
 * What a `purchases` message must be to become a warehouse row. Anything else is dead-lettered
 * with one of these reasons (the value of the `fomo.dlq.reason` header): `empty`, `oversized`,
 * `not_utf8`, `not_json`, `not_object`, `duplicate_key`, `missing_field`, `wrong_type`,
 * `invalid_field`, the decoder's reasons for Confluent-framed values (`unknown_schema_id`,
 * `malformed`, `no_registry`, `unsupported_schema`, `not_decodable`) and, from the flush,
 * `rejected_by_warehouse`. A registry that does not answer or refuses our credentials is never a
 * dead letter: the message waits for it.
 */
export const MAX_VALUE_BYTES = 64 * 1024;
/** DOUBLE(10,3) holds at most 9,999,999.999 in magnitude. */
export const MAX_ABS_AMOUNT = 9_999_999.999;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const purchaseValueSchema = z.object({
  customerId: z
    .string()
    .max(50)
    .regex(/^CU-\d{1,46}$/, "customerId must look like CU-1234"),
  amount: z
    .number()
    // 1e400 parses to Infinity: it must never reach a sum.
    .refine(Number.isFinite, "amount must be a finite number")
    .refine((amount) => Math.abs(amount) <= MAX_ABS_AMOUNT, "amount is out of DOUBLE(10,3) range"),
  // JSON may escape a lone surrogate (\ud800); that is not Unicode text, so the warehouse could only
  // store a replacement character and the engine's JSON reader refuses it: a dead letter, not a row.
  itemCode: z
    .string()
    .min(1)
    .max(50)
    .refine((code) => !LONE_SURROGATE.test(code), "itemCode holds a lone UTF-16 surrogate (not Unicode text)"),
});

export type PurchaseValue = z.infer<typeof purchaseValueSchema>;

/**
 * A row, a dead letter's reason, or — when the registry that resolves the value's schema does not
 * answer — neither: the message must wait (dead-lettering it would lose good data in an outage).
 */
export type DecodedPurchase =
  | { ok: true; value: PurchaseValue }
  | { ok: false; reason: string; waitForRegistry?: false }
  | { ok: false; reason: string; waitForRegistry: true };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** For callers with no registry (tests, tools): JSON decodes, a Confluent-framed value is `no_registry`. */
const JSON_ONLY = new ValueDecoder();
/** An exact decimal as Avro's decimal logical type decodes (`"12.30"`). */
const DECIMAL_TEXT = /^-?\d{1,20}(\.\d{1,20})?$/;

/** Checks only plain JSON needs: text that other readers would read differently must not load. */
function plainJsonProblem(raw: Buffer): string | undefined {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    return "not_utf8: the value is binary, not UTF-8 text";
  }
  // JSON has no byte-order mark; producers that add one are wrong, and other readers would choke.
  if (text.charCodeAt(0) === 0xfeff) return "not_json: the value starts with a byte-order mark";
  return undefined;
}

/**
 * Decodes one message value through the one decoding module (server/decoding: plain JSON, or
 * Avro / Protobuf / JSON Schema in the Confluent wire format through the registry), then checks
 * the fields. Never throws, whatever the bytes.
 */
export async function decodePurchase(raw: Buffer | null, decoder: ValueDecoder = JSON_ONLY): Promise<DecodedPurchase> {
  if (raw === null) return { ok: false, reason: "empty: the message has no value (a tombstone)" };
  if (raw.length === 0) return { ok: false, reason: "empty: the message value is zero bytes" };
  if (raw.length > MAX_VALUE_BYTES) {
    return { ok: false, reason: `oversized: ${raw.length} bytes exceeds the ${MAX_VALUE_BYTES}-byte limit` };
  }
  const framed = readConfluentFrame(raw).kind !== "unframed";
  if (!framed) {
    const problem = plainJsonProblem(raw);
    if (problem) return { ok: false, reason: problem };
  }
  const decoded = await decoder.decode(raw);
  if (!decoded.ok) {
    // Not the message's fault: the registry is down or refuses our credentials. It waits for the registry.
    if (decoded.reason === "registry-unreachable" || decoded.reason === "registry-unauthorized") {
      return { ok: false, reason: `${decoded.reason.replaceAll("-", "_")}: ${decoded.detail}`, waitForRegistry: true };
    }
    // The decoder's reason, spelled like the connector's other reasons (unknown_schema_id, malformed, …).
    const kind = decoded.reason === "not-decodable" && !framed ? "not_json" : decoded.reason.replaceAll("-", "_");
    return { ok: false, reason: `${kind}: ${decoded.detail}` };
  }
  const value = decoded.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      reason: `not_object: the value is ${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}, not a JSON object`,
    };
  }
  if (decoded.format === "json") {
    // JSON.parse keeps the last of duplicate keys, other readers the first: refuse the ambiguity.
    const duplicate = duplicateTopLevelKey(raw.toString("utf8"));
    if (duplicate !== undefined) return { ok: false, reason: `duplicate_key: ${JSON.stringify(duplicate)} appears more than once` };
  }
  let amount = (value as { amount?: unknown }).amount;
  if (typeof amount === "number" && !Number.isFinite(amount)) {
    return { ok: false, reason: "invalid_field: amount: the number is beyond double range (it would be Infinity)" };
  }
  // Avro's decimal(10,2) arrives as exact text; the DOUBLE(10,3) column takes its number. A JSON
  // string stays a wrong_type: JSON producers must write numbers.
  if (decoded.format === "avro" && typeof amount === "string" && DECIMAL_TEXT.test(amount)) amount = Number(amount);
  const parsed = purchaseValueSchema.safeParse({ ...value, amount });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") || "value";
    const missing = issue?.code === "invalid_type" && issue.message.endsWith("received undefined");
    const kind = missing ? "missing_field" : issue?.code === "invalid_type" ? "wrong_type" : "invalid_field";
    return { ok: false, reason: `${kind}: ${path}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: parsed.data };
}
