import { VALUE_KINDS, kindsOfType, typeHoldsKind, type ColumnType, type ValueKind } from "../ingest/column-types";

/** How many non-null values of each kind a field had (in one batch, or over the window). */
export type KindCounts = Partial<Record<ValueKind, number>>;

/** The recent values a retype decision looks at: the newest batches holding at least this many. */
export const TYPE_WINDOW_VALUES = 10_000;
/** A retype needs at least this many misfits in the window, besides being its majority. */
export const MIN_MISFITS_TO_RETYPE = 1_000;

/** One value column's type, the kinds it accepts, and the recent batches' kind counts. */
export interface ColumnTyping {
  type: ColumnType;
  accepts: Set<ValueKind>;
  window: KindCounts[];
}

/**
 * What a batch does to a column. `retype` moves the column's current values to `_misfits` when the
 * new type cannot hold them (`moveOut`), and gives back the recorded misfits the new type accepts.
 */
export type TypeChange =
  { kind: "none" } | { kind: "widen"; type: ColumnType } | { kind: "retype"; from: ColumnType; type: ColumnType; moveOut: boolean };

/**
 * The type a new column gets: that of the majority of the batch's values (integers and decimals
 * count together as numbers, DOUBLE when any decimal is among them). Ties go to the earlier kind
 * of boolean, number, string, nested.
 */
export function typeOfMajority(counts: KindCounts): ColumnType | undefined {
  const numbers = (counts.integer ?? 0) + (counts.number ?? 0);
  const candidates: [ColumnType, number][] = [
    ["BOOLEAN", counts.boolean ?? 0],
    [(counts.number ?? 0) > 0 ? "DOUBLE" : "BIGINT", numbers],
    ["VARCHAR", counts.string ?? 0],
    ["JSON", counts.nested ?? 0],
  ];
  let best: [ColumnType, number] | undefined;
  for (const candidate of candidates) if (candidate[1] > 0 && (!best || candidate[1] > best[1])) best = candidate;
  return best?.[0];
}

export function newColumnTyping(type: ColumnType, counts: KindCounts): ColumnTyping {
  return { type, accepts: new Set(kindsOfType(type)), window: [counts] };
}

export function misfitCount(typing: Pick<ColumnTyping, "accepts">, counts: KindCounts): number {
  let misfits = 0;
  for (const kind of VALUE_KINDS) if (!typing.accepts.has(kind)) misfits += counts[kind] ?? 0;
  return misfits;
}

/**
 * Applies one batch's kind counts to a column (mutating `typing`) and says what the table must do.
 * - BIGINT meeting a decimal widens to DOUBLE at once: nothing is lost.
 * - Any other value the type does not accept is a misfit (NULL in the column, recorded on its row).
 * - Misfits change the type only when they are more than half of the field's recent values (the
 *   newest batches holding at least TYPE_WINDOW_VALUES) and at least MIN_MISFITS_TO_RETYPE: the
 *   producer switched for good. The column then takes the misfits' majority type, keeps accepting
 *   what it held before if the new type can hold that (VARCHAR holds everything as text, DOUBLE
 *   holds integers), and the window starts over, so a field mixed half and half does not flap.
 */
export function applyBatchToColumn(typing: ColumnTyping, counts: KindCounts): TypeChange {
  let change: TypeChange = { kind: "none" };
  if (typing.type === "BIGINT" && (counts.number ?? 0) > 0) {
    typing.type = "DOUBLE";
    typing.accepts.add("number");
    change = { kind: "widen", type: "DOUBLE" };
  }
  typing.window.push(counts);
  trimWindow(typing.window);
  const total: KindCounts = {};
  for (const batch of typing.window) for (const kind of VALUE_KINDS) total[kind] = (total[kind] ?? 0) + (batch[kind] ?? 0);
  const values = VALUE_KINDS.reduce((sum, kind) => sum + (total[kind] ?? 0), 0);
  const misfits = misfitCount(typing, total);
  if (misfits < MIN_MISFITS_TO_RETYPE || misfits * 2 <= values) return change;

  const misfitKinds: KindCounts = {};
  for (const kind of VALUE_KINDS) if (!typing.accepts.has(kind)) misfitKinds[kind] = total[kind] ?? 0;
  const target = typeOfMajority(misfitKinds);
  if (!target || target === typing.type) return change;
  const from = typing.type;
  const held = [...typing.accepts].every((kind) => typeHoldsKind(target, kind));
  typing.type = target;
  typing.accepts = new Set([...kindsOfType(target), ...(held ? typing.accepts : [])]);
  typing.window = [];
  return { kind: "retype", from, type: target, moveOut: !held };
}

/** Keeps the newest batches that together hold at least TYPE_WINDOW_VALUES values. */
function trimWindow(window: KindCounts[]): void {
  let kept = 0;
  for (let index = window.length - 1; index >= 0; index--) {
    kept += VALUE_KINDS.reduce((sum, kind) => sum + (window[index]![kind] ?? 0), 0);
    if (kept >= TYPE_WINDOW_VALUES) {
      window.splice(0, index);
      return;
    }
  }
}
