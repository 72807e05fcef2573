import type { Connection, RowDataPacket } from "mysql2/promise";
import { HIDDEN_PURCHASES_COLUMNS, PURCHASES_TABLE, quoteIdentifier } from "./schema";

/**
 * Makes the Kafka coordinate columns of an existing `purchases` table INVISIBLE, for tables made
 * before they were declared so (a reused `.stack/` or a MYSQL_URL database). Returns the change
 * made, or nothing when there was none to make.
 */
export async function hideCoordinateColumns(connection: Connection, database: string): Promise<string[]> {
  const names = Object.keys(HIDDEN_PURCHASES_COLUMNS);
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT column_name AS name, extra FROM information_schema.columns WHERE table_schema = ? AND table_name = ? AND column_name IN (?)",
    [database, PURCHASES_TABLE, names],
  );
  const visible = rows.filter((row) => !/\bINVISIBLE\b/i.test(String(row.extra))).map((row) => String(row.name));
  if (visible.length === 0) return [];
  const modifications = visible.map(
    (name) => `MODIFY COLUMN ${quoteIdentifier(name)} ${HIDDEN_PURCHASES_COLUMNS[name as keyof typeof HIDDEN_PURCHASES_COLUMNS]}`,
  );
  await connection.query(`ALTER TABLE ${quoteIdentifier(database)}.${quoteIdentifier(PURCHASES_TABLE)} ${modifications.join(", ")}`);
  return [`columns ${visible.join(", ")} of ${database}.${PURCHASES_TABLE} hidden from SELECT *`];
}
