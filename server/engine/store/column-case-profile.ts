import type { DuckDBConnection } from "@duckdb/node-api";
import type { TopicTable } from "./topic-table";
import { quoteIdentifier } from "./quote-identifier";

/** Whether any value of a string column has a lower-case or an upper-case letter. */
export interface CaseProfile {
  hasLower: boolean;
  hasUpper: boolean;
}

interface Tracked extends CaseProfile {
  type: string;
  /** The table's `rewrites` when tracking began: re-decoded rows replace rows at offsets already looked at. */
  rewrites: number;
  /** Per partition, the highest offset already looked at. */
  checked: Map<number, number>;
}

/**
 * The case profile of string columns, kept up to date incrementally: each call looks only at rows
 * added since the last one, and a column with both cases is never looked at again. Flags only ever
 * turn true, so rows beyond a query's snapshot or rows retention removed can only make a profile
 * more careful, never wrong. Lets the engine compare strings as MySQL's `_ci` collations do at no
 * cost when a column's values all share one case (`CU-1277`), see sql/mysql-case-folding.ts.
 */
export class ColumnCaseProfiles {
  private readonly byTable = new WeakMap<TopicTable, Map<string, Tracked>>();

  /**
   * `ingested`: the topic's partitions as ingest knows them, each with the offset below which every
   * message is in the table (a partition added later is read whole).
   */
  async profile(
    connection: DuckDBConnection,
    table: TopicTable,
    column: string,
    ingested: readonly { partition: number; nextOffset: bigint }[],
  ): Promise<CaseProfile | undefined> {
    const current = table.columns().find((candidate) => candidate.name === column);
    if (!current || current.type !== "VARCHAR") return undefined;
    let columns = this.byTable.get(table);
    if (!columns) this.byTable.set(table, (columns = new Map()));
    let tracked = columns.get(column);
    // A column widened to VARCHAR holds values that were numbers before: look at all of them again.
    if (!tracked || tracked.type !== current.type || tracked.rewrites !== table.rewrites) {
      tracked = { type: current.type, rewrites: table.rewrites, hasLower: false, hasUpper: false, checked: new Map() };
      columns.set(column, tracked);
    }
    if (tracked.hasLower && tracked.hasUpper) return tracked;
    const state = tracked;
    // Nothing ingested since the last look (the usual case between two queries): no need to ask.
    const caughtUp = ingested.every(({ partition, nextOffset }) => {
      if (nextOffset === 0n) return true;
      const checked = state.checked.get(partition);
      return checked !== undefined && BigInt(checked) >= nextOffset - 1n;
    });
    if (caughtUp) return { hasLower: state.hasLower, hasUpper: state.hasUpper };
    const partitions = ingested.map(({ partition }) => partition);
    // Rows not looked at yet: per partition, those above the highest offset looked at, behind one
    // plain `_offset >` bound that lets DuckDB skip the row groups it saw before unread (offsets
    // grow as rows are appended). A partition never looked at (new, or empty so far) is read whole.
    const name = quoteIdentifier(column);
    const seen = partitions.flatMap((partition) => {
      const offset = state.checked.get(partition);
      return offset === undefined ? [] : [{ partition, offset }];
    });
    const fresh = partitions.filter((partition) => !state.checked.has(partition));
    const conditions = fresh.map((partition) => `_partition = ${partition}`);
    if (seen.length > 0) {
      const floor = Math.min(...seen.map(({ offset }) => offset));
      const above = seen.map(({ partition, offset }) => `(_partition = ${partition} AND _offset > ${offset})`).join(" OR ");
      conditions.push(`(_offset > ${floor} AND (${above}))`);
    }
    const reader = await connection.runAndReadAll(
      `SELECT _partition, max(_offset), bool_or(${name} <> upper(${name})), bool_or(${name} <> lower(${name})) ` +
        `FROM ${table.qualifiedName} WHERE ${conditions.join(" OR ")} GROUP BY _partition`,
    );
    for (const [partition, maxOffset, hasLower, hasUpper] of reader.getRows()) {
      if (hasLower === true) state.hasLower = true;
      if (hasUpper === true) state.hasUpper = true;
      if (maxOffset !== null) state.checked.set(Number(partition), Math.max(state.checked.get(Number(partition)) ?? -1, Number(maxOffset)));
    }
    return { hasLower: state.hasLower, hasUpper: state.hasUpper };
  }
}
