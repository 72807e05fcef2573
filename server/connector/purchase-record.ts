import { z } from "zod";

/**
 * What a `purchases` message must be to become a warehouse row. Anything else is dead-lettered
 * with one of these reasons (the value of the `fomo.dlq.reason` header).
 */
export const MAX_VALUE_BYTES = 64 * 1024;
/** DOUBLE(10,3) holds at most 9,999,999.999 in magnitude. */
export const MAX_ABS_AMOUNT = 9_999_999.999;

export const purchaseValueSchema = z.object({
  customerId: z.string().max(50).regex(/^CU-\d{1,46}$/, "customerId must look like CU-1234"),
  amount: z
    .number()
    .refine(Number.isFinite, "amount must be a finite number")
    .refine((amount) => Math.abs(amount) <= MAX_ABS_AMOUNT, "amount is out of DOUBLE(10,3) range"),
  itemCode: z.string().min(1).max(50),
});

export type PurchaseValue = z.infer<typeof purchaseValueSchema>;

export type DecodedPurchase = { ok: true; value: PurchaseValue } | { ok: false; reason: string };

/** Decodes one message value; never throws. */
export function decodePurchase(raw: Buffer | null): DecodedPurchase {
  if (raw === null || raw.length === 0) return { ok: false, reason: "empty: the message has no value" };
  if (raw.length > MAX_VALUE_BYTES) {
    return { ok: false, reason: `oversized: ${raw.length} bytes exceeds the ${MAX_VALUE_BYTES}-byte limit` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch (error) {
    return { ok: false, reason: `not_json: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = purchaseValueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") || "value";
    const received = issue && "received" in issue ? issue.received : undefined;
    const missing = issue?.code === "invalid_type" && (received === "undefined" || issue.message.endsWith("received undefined"));
    const kind = missing ? "missing_field" : issue?.code === "invalid_type" ? "wrong_type" : "invalid_field";
    return { ok: false, reason: `${kind}: ${path}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: parsed.data };
}
