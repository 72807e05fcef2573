import type { Catalog, CatalogTable } from "../../lib/api/catalog";

/**
 * The warehouse catalog as the read-only account sees it: every table and view of its database,
 * from information_schema (which only lists what the account may read). Row counts are left out:
 * InnoDB only estimates them, and an exact COUNT(*) is not cheap on millions of rows.
 */
export const WAREHOUSE_CATALOG_SQL = `
SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA = DATABASE()
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
LIMIT 100000`;

export type CatalogRow = [schema: string, table: string, column: string, type: string];

export function catalogFromRows(databaseName: string, rows: CatalogRow[]): Catalog {
  const tables = new Map<string, CatalogTable>();
  for (const [, tableName, columnName, columnType] of rows) {
    let table = tables.get(tableName);
    if (!table) {
      table = { name: tableName, columns: [], rowCount: null };
      tables.set(tableName, table);
    }
    table.columns.push({ name: columnName, type: columnType.toUpperCase() });
  }
  return { database: "warehouse", schemas: [{ name: databaseName, tables: [...tables.values()] }] };
}
