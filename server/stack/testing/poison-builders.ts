import type { Random } from "../../dataset/prng";
import type { PoisonMessage } from "./poison-classes";

/** Small builders the poison classes share: a customer id, an amount, a dead-lettered or a loadable message. */
export const text = (value: string) => Buffer.from(value, "utf8");
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const customer = (random: Random) => `CU-${9000 + Math.floor(random() * 1000)}`;
export const amount = (random: Random) => Math.round((0.5 + random() * 4.5) * 1000) / 1000;
export const itemCode = "96385074"; // a valid EAN-8, so only the field under test is odd

export function bad(kind: string, key: string | Buffer | null, value: Buffer | null, headers?: Record<string, Buffer>): PoisonMessage {
  return { kind, key: typeof key === "string" ? text(key) : key, value, headers, deadLetter: true };
}

/** A loadable purchase whose raw JSON text is `raw` (built around the customer and amount). */
export function good(
  kind: string,
  customerId: string,
  value: number,
  raw: string | Buffer,
  key: Buffer | null = text(customerId),
  headers?: Record<string, Buffer>,
): PoisonMessage {
  return {
    kind,
    key,
    value: typeof raw === "string" ? text(raw) : raw,
    headers,
    deadLetter: false,
    purchase: { customerId, amount: value },
  };
}

export const purchaseJson = (customerId: string, value: number, extra = "") =>
  `{"customerId":"${customerId}","amount":${value},"itemCode":"${itemCode}"${extra}}`;

export function nested(depth: number, open: string, close: string, inner: string): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

export function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * 256);
  // A first byte that can never start JSON, so a lucky draw is not a valid document.
  bytes[0] = 0xff;
  return bytes;
}

export const THOUSANDS_OF_KEYS = Array.from({ length: 2_000 }, (_, index) => `"k${String(index).padStart(4, "0")}":${index}`).join(",");
