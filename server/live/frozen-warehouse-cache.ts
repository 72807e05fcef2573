import type { Catalog } from "../../lib/api/catalog";
import type { QueryResult } from "../../lib/api/query";
import type { LiveSources, WarehouseAsOfReader } from "./live-sources";

/** One side of the warehouse as a figure reads it: live, or frozen at a visitor's stop time. */
export interface WarehouseView {
  query(sql: string): Promise<QueryResult>;
  catalog(): Promise<Catalog>;
}

/**
 * Warehouse answers as of a past time, each computed once: frozen rows do not change, so 200
 * visitors stopped at the same moment cost one query per figure, ever. Concurrent asks share one
 * promise; a failed one is forgotten so the next tick tries again. Bounded (oldest out first).
 */
export class FrozenWarehouseCache {
  private readonly entries = new Map<string, Promise<QueryResult | Catalog>>();
  /** Answers actually computed (not served from the cache): what the hub's test counts. */
  computed = 0;

  constructor(
    private readonly reader: WarehouseAsOfReader,
    private readonly maxEntries = 500,
  ) {}

  query(sql: string, asOf: string): Promise<QueryResult> {
    return this.remember(`q\u0000${asOf}\u0000${sql}`, () => this.reader.query(sql, asOf)) as Promise<QueryResult>;
  }

  catalog(asOf: string): Promise<Catalog> {
    return this.remember(`c\u0000${asOf}`, () => this.reader.catalog(asOf)) as Promise<Catalog>;
  }

  private remember(key: string, compute: () => Promise<QueryResult | Catalog>): Promise<QueryResult | Catalog> {
    const known = this.entries.get(key);
    if (known) return known;
    this.computed += 1;
    const answer = compute();
    this.entries.set(key, answer);
    answer.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return answer;
  }
}

/**
 * The warehouse a view reads: live for `asOf === null`; frozen through the cache otherwise. Until
 * a per-visitor as-of reader is configured, every view reads the live warehouse.
 */
export function warehouseViewOf(sources: LiveSources, frozen: FrozenWarehouseCache | undefined, asOf: string | null): WarehouseView {
  if (asOf === null || frozen === undefined)
    return { query: (sql) => sources.warehouseQuery(sql), catalog: () => sources.warehouseCatalog() };
  return { query: (sql) => frozen.query(sql, asOf), catalog: () => frozen.catalog(asOf) };
}
