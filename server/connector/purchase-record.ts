import { z } from "zod";
import { duplicateTopLevelKey } from "./json-top-level-keys";

/**
 * What a `purchases` message must be to become a warehouse row. Anything else is dead-lettered
 * with one of these reasons (the value of the `fomo.dlq.reason` header): `empty`, `oversized`,
 * `not_utf8`, `not_json`, `not_object`, `duplicate_key`, `missing_field`, `wrong_type`,
 * `invalid_field` (and, from the flush, `rejected_by_warehouse`).
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

export type DecodedPurchase = { ok: true; value: PurchaseValue } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes one message value; never throws, whatever the bytes. */
export function decodePurchase(raw: Buffer | null): DecodedPurchase {
  if (raw === null) return { ok: false, reason: "empty: the message has no value (a tombstone)" };
  if (raw.length === 0) return { ok: false, reason: "empty: the message value is zero bytes" };
  if (raw.length > MAX_VALUE_BYTES) {
    return { ok: false, reason: `oversized: ${raw.length} bytes exceeds the ${MAX_VALUE_BYTES}-byte limit` };
  }
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    return { ok: false, reason: "not_utf8: the value is binary, not UTF-8 text" };
  }
  // JSON has no byte-order mark; producers that add one are wrong, and other readers would choke.
  if (text.charCodeAt(0) === 0xfeff) return { ok: false, reason: "not_json: the value starts with a byte-order mark" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // A RangeError is nesting deep enough to exhaust the stack: reported, never fatal.
    const detail = error instanceof RangeError ? "nested too deeply" : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `not_json: ${detail}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return {
      ok: false,
      reason: `not_object: the value is ${Array.isArray(json) ? "an array" : json === null ? "null" : `a ${typeof json}`}, not a JSON object`,
    };
  }
  // JSON.parse keeps the last of duplicate keys, other readers the first: refuse the ambiguity.
  const duplicate = duplicateTopLevelKey(text);
  if (duplicate !== undefined) return { ok: false, reason: `duplicate_key: ${JSON.stringify(duplicate)} appears more than once` };
  const amount = (json as { amount?: unknown }).amount;
  if (typeof amount === "number" && !Number.isFinite(amount)) {
    return { ok: false, reason: "invalid_field: amount: the number is beyond double range (it would be Infinity)" };
  }
  const parsed = purchaseValueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") || "value";
    const missing = issue?.code === "invalid_type" && issue.message.endsWith("received undefined");
    const kind = missing ? "missing_field" : issue?.code === "invalid_type" ? "wrong_type" : "invalid_field";
    return { ok: false, reason: `${kind}: ${path}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: parsed.data };
}
