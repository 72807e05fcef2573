import type { Random } from "../../dataset/prng";
import { FIELD_POISON_CLASSES } from "./poison-classes-fields";
import { SHAPE_POISON_CLASSES } from "./poison-classes-shape";

/**
 * The kinds of malformed or odd `purchases` messages the reliability suite produces, and what the
 * connector must do with each: dead-letter it, or load it (odd but a valid purchase). Every
 * message names a customer `CU-9xxx`, which the generator never produces (it uses CU-1000..1999),
 * so poison can never change the story's answers (CU-1277 on top).
 */
export interface PoisonMessage {
  kind: string;
  key: Buffer | null;
  /** null: a tombstone. */
  value: Buffer | null;
  headers?: Record<string, Buffer>;
  /** True: the connector must dead-letter it; false: it is a valid purchase the warehouse must load. */
  deadLetter: boolean;
  /** What a loadable message puts in the warehouse (amounts have at most 3 decimals: DOUBLE(10,3)). */
  purchase?: { customerId: string; amount: number };
}

export interface PoisonContext {
  random: Random;
  /** Size of the "about 1 MB" values: just under the topic's max.message.bytes. */
  hugeValueBytes: number;
}

export interface PoisonClass {
  kind: string;
  /** Share of the corpus (relative weight); `fixed` classes get exactly that many messages instead. */
  weight: number;
  fixed?: number;
  build(context: PoisonContext): PoisonMessage;
}

/** Every class, in a fixed order (the corpus is drawn from it with a seeded random). */
export const POISON_CLASSES: readonly PoisonClass[] = [...SHAPE_POISON_CLASSES, ...FIELD_POISON_CLASSES];
