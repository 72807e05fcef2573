import avro from "avsc";

/**
 * How Avro values come out: logical types as their meaning, longs exact. Decoding only needs the
 * `_fromValue` direction; `_toValue` is there so avsc can also encode (tests, defaults).
 */

type AvroSchemaObject = { precision?: number; scale?: number } & Record<string, unknown>;

/** decimal (bytes or fixed, big-endian two's complement unscaled integer) → exact decimal string, e.g. "-12.50". */
class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;

  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    this.scale = (schema as AvroSchemaObject).scale ?? 0;
  }

  protected override _fromValue(bytes: Buffer): string {
    if (bytes.length === 0) return "0";
    let unscaled = BigInt(`0x${bytes.toString("hex")}`);
    if ((bytes[0] ?? 0) & 0x80) unscaled -= 1n << BigInt(bytes.length * 8);
    const negative = unscaled < 0n;
    const digits = (negative ? -unscaled : unscaled).toString().padStart(this.scale + 1, "0");
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale > 0 ? `.${digits.slice(digits.length - this.scale)}` : "";
    return `${negative ? "-" : ""}${whole}${fraction}`;
  }

  protected override _toValue(value: unknown): Buffer {
    const small = smallUnscaled(value, this.scale);
    if (small !== undefined) return smallTwosComplement(small);
    const [whole = "0", fraction = ""] = String(value).replace("-", "").split(".");
    let unscaled = BigInt(`${whole}${fraction.padEnd(this.scale, "0").slice(0, this.scale)}`);
    if (String(value).startsWith("-")) unscaled = -unscaled;
    // The shortest two's complement form that holds the value with its sign.
    let length = 1;
    while (unscaled >= 1n << BigInt(8 * length - 1) || unscaled < -(1n << BigInt(8 * length - 1))) length++;
    const twos = unscaled < 0n ? (1n << BigInt(8 * length)) + unscaled : unscaled;
    return Buffer.from(twos.toString(16).padStart(length * 2, "0"), "hex");
  }
}

/** Below this the unscaled integer and its bytes are exact in doubles: no BigInt needed (the producers' hot path). */
const SMALL_UNSCALED_LIMIT = 2 ** 47;
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The unscaled integer of a number or decimal text when it is small, else undefined (the BigInt path takes it). */
function smallUnscaled(value: unknown, scale: number): number | undefined {
  let unscaled: number | undefined;
  if (typeof value === "number" && Number.isFinite(value)) {
    // A number in cents (12.34) times 100 lands next to its integer; rounding finds it.
    unscaled = Math.round(value * 10 ** scale);
  } else if (typeof value === "string") {
    const match = DECIMAL_TEXT.exec(value);
    const digits = match && `${match[2]}${(match[3] ?? "").padEnd(scale, "0").slice(0, scale)}`;
    if (digits && digits.length <= 15) unscaled = (match[1] ? -1 : 1) * Number(digits);
  }
  return unscaled !== undefined && Math.abs(unscaled) < SMALL_UNSCALED_LIMIT ? unscaled : undefined;
}

/** The shortest big-endian two's complement bytes of a small integer. */
function smallTwosComplement(unscaled: number): Buffer {
  let length = 1;
  while (unscaled >= 2 ** (8 * length - 1) || unscaled < -(2 ** (8 * length - 1))) length++;
  const bytes = Buffer.allocUnsafe(length);
  let rest = unscaled < 0 ? 2 ** (8 * length) + unscaled : unscaled;
  for (let index = length - 1; index >= 0; index--) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

class TimestampMillisType extends avro.types.LogicalType {
  protected override _fromValue(millis: number | string): Date {
    return new Date(Number(millis));
  }
  protected override _toValue(date: unknown): unknown {
    return date instanceof Date ? date.getTime() : date;
  }
}

/** Microseconds are cut to milliseconds (what a Date holds). */
class TimestampMicrosType extends avro.types.LogicalType {
  protected override _fromValue(micros: number | string): Date {
    return new Date(Math.floor(Number(micros) / 1000));
  }
  protected override _toValue(date: unknown): unknown {
    return date instanceof Date ? date.getTime() * 1000 : date;
  }
}

/** date: days since 1970-01-01 → that day at 00:00 UTC. */
class DateType extends avro.types.LogicalType {
  protected override _fromValue(days: number): Date {
    return new Date(days * 86_400_000);
  }
  protected override _toValue(date: unknown): unknown {
    return date instanceof Date ? Math.floor(date.getTime() / 86_400_000) : date;
  }
}

/** long → a number when it is exact in a double, else its decimal string (never a silently rounded number). */
const exactLong = avro.types.LongType.__with({
  fromBuffer: (bytes: Buffer) => {
    const value = bytes.readBigInt64LE();
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  },
  toBuffer: (value: number | string) => {
    const bytes = Buffer.alloc(8);
    bytes.writeBigInt64LE(BigInt(value));
    return bytes;
  },
  fromJSON: (value: unknown) => (typeof value === "string" ? value : Number(value)),
  toJSON: (value: number | string) => (typeof value === "string" ? Number(value) : value),
  isValid: (value: unknown) => Number.isSafeInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value)),
  compare: (a: number | string, b: number | string) => {
    const difference = BigInt(a) - BigInt(b);
    return difference === 0n ? 0 : difference < 0n ? -1 : 1;
  },
});

/** avsc options that decode with the logical types above (unknown logical types fall back to their underlying type). */
export function avroDecodingOptions(): Partial<avro.ForSchemaOptions> {
  return {
    logicalTypes: {
      decimal: DecimalType,
      "timestamp-millis": TimestampMillisType,
      "timestamp-micros": TimestampMicrosType,
      date: DateType,
    },
    registry: { long: exactLong },
  };
}
