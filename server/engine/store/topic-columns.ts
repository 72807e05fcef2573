import { VALUE_KINDS, type ColumnType } from "../ingest/column-types";
import type { ColumnTyping, KindCounts } from "./column-typing";
import { isColumnableKey } from "./json-keys";
import { columnNameOfField } from "./metadata-columns";

/** A topic gets at most this many value columns; further fields are recorded with their message. */
export const MAX_VALUE_COLUMNS = 256;
/** Spellings of one column's name (`amount`, `Amount`, …) that are extracted; more are not columns. */
export const MAX_KEYS_PER_COLUMN = 8;
/** Keys that failed to become a column (or are null so far) remembered, at most. */
const MAX_REMEMBERED_KEYS = 1_000;

export interface ValueColumnState {
  name: string;
  /** The JSON keys (as sent) that land in it, in the order first seen; the first that fits wins. */
  keys: string[];
  typing: ColumnTyping;
  /** Values that did not fit, recorded in `_misfits` and still there (moved and restored ones counted). */
  misfits: number;
}

/** New keys of a batch, sorted by what happens to them. */
export interface NewKeys {
  /** Spellings of an existing column. */
  attach: { key: string; column: string }[];
  /** Keys that would start a column of their own (the first spelling of each new name). */
  create: { key: string; column: string }[];
}

/**
 * Which JSON key lands in which column of one topic, and each column's typing state. Keys differing
 * only in case share one lower-cased column. A key becomes a column when it can be named in a JSON
 * path and as an identifier, its object has at most MAX_VALUE_COLUMNS keys (a bigger object is a
 * map of data, not a record), and the topic has fewer than MAX_VALUE_COLUMNS columns.
 */
export class TopicColumns {
  readonly byName = new Map<string, ValueColumnState>();
  private readonly columnOfKey = new Map<string, string>();
  /** Keys seen with null values only: no type yet, asked about again with every batch. */
  private readonly nullKeys = new Set<string>();
  private readonly unusableKeys = new Set<string>();
  /** Column names a writer schema took (store/typed-columns.ts): JSON keys landing there are extra fields. */
  private readonly reservedNames = new Set<string>();

  /** Keys whose kinds every batch reads. */
  knownKeys(): string[] {
    return [...this.columnOfKey.keys(), ...this.nullKeys];
  }

  /** Keys that are not "extra fields" (rows holding any other key keep their text in `_raw`). */
  isKnownKey(key: string): boolean {
    return this.columnOfKey.has(key) || this.nullKeys.has(key);
  }

  columnOf(key: string): string | undefined {
    return this.columnOfKey.get(key);
  }

  /** The keys of the batch that are not known yet and may become columns or spellings of one. */
  newKeys(keyLists: readonly { keys: string[] }[]): NewKeys {
    const result: NewKeys = { attach: [], create: [] };
    const seen = new Set<string>();
    const creating = new Set<string>();
    for (const { keys } of keyLists) {
      if (keys.length > MAX_VALUE_COLUMNS) continue;
      for (const key of keys) {
        if (seen.has(key) || this.isKnownKey(key) || this.unusableKeys.has(key) || !isColumnableKey(key)) continue;
        seen.add(key);
        const column = columnNameOfField(key);
        if (this.reservedNames.has(column)) continue;
        const existing = this.byName.get(column);
        if (existing || creating.has(column)) {
          const spellings = (existing?.keys.length ?? 1) + result.attach.filter((entry) => entry.column === column).length;
          if (spellings < MAX_KEYS_PER_COLUMN) result.attach.push({ key, column });
        } else if (this.byName.size + creating.size < MAX_VALUE_COLUMNS) {
          creating.add(column);
          result.create.push({ key, column });
        }
      }
    }
    return result;
  }

  /** A column a writer schema created: no JSON key starts a column of that name. */
  reserveName(name: string): void {
    this.reservedNames.add(name);
  }

  /** A further spelling of a column (ignored when the column could not be created: tried again later). */
  attachKey(key: string, column: string): void {
    const existing = this.byName.get(column);
    if (!existing) return;
    existing.keys.push(key);
    this.columnOfKey.set(key, column);
    this.nullKeys.delete(key);
  }

  addColumn(key: string, column: string, typing: ColumnTyping): void {
    this.byName.set(column, { name: column, keys: [key], typing, misfits: 0 });
    this.columnOfKey.set(key, column);
    this.nullKeys.delete(key);
  }

  /** A key with nothing but nulls so far: no column yet, but its rows are not "extra fields". */
  noteNullKey(key: string): void {
    if (this.nullKeys.size < MAX_REMEMBERED_KEYS) this.nullKeys.add(key);
  }

  /** A key DuckDB refused as a column: it stays an extra field, and is not tried again. */
  noteUnusableKey(key: string): void {
    this.nullKeys.delete(key);
    if (this.unusableKeys.size < MAX_REMEMBERED_KEYS) this.unusableKeys.add(key);
  }

  /** A column's kind counts in a batch: the sum over its spellings. */
  countsOf(column: ValueColumnState, kindsByKey: ReadonlyMap<string, KindCounts>): KindCounts | undefined {
    let total: KindCounts | undefined;
    for (const key of column.keys) {
      const counts = kindsByKey.get(key);
      if (!counts) continue;
      total ??= {};
      for (const kind of VALUE_KINDS) if (counts[kind]) total[kind] = (total[kind] ?? 0) + counts[kind];
    }
    return total;
  }

  columns(): { name: string; type: ColumnType; misfits: number }[] {
    return [...this.byName.values()].map((column) => ({ name: column.name, type: column.typing.type, misfits: column.misfits }));
  }
}
