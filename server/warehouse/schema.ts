/**
 * The warehouse layout every FOMO component agrees on (see the team contracts): one database with
 * exactly one table, `purchases`, loaded by the sink connector; a sibling `<database>_connector`
 * database for the connector's private state, invisible to the read-only account.
 */

export const PURCHASES_TABLE = "purchases";

/**
 * The Kafka coordinates (the exactly-once key) and the load time, declared INVISIBLE (MariaDB
 * 10.3.3+, MySQL 8.0.23+): `SELECT *` shows the seed's three columns, as the seed's warehouse does
 * and as the Kafka engine does with its own metadata columns, while naming them still reads them.
 * MariaDB wants a default on an invisible NOT NULL column; the connector always sets all four.
 */
export const HIDDEN_PURCHASES_COLUMNS = {
  kafka_topic: "VARCHAR(249) NOT NULL DEFAULT '' INVISIBLE",
  kafka_partition: "INT NOT NULL DEFAULT -1 INVISIBLE",
  kafka_offset: "BIGINT NOT NULL DEFAULT -1 INVISIBLE",
  loaded_at: "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) INVISIBLE",
} as const;

/** The seed's columns plus the hidden Kafka coordinates and load time. */
export const PURCHASES_TABLE_DDL = `CREATE TABLE IF NOT EXISTS purchases (
  customerId      VARCHAR(50)  NOT NULL,
  amount          DOUBLE(10,3) NOT NULL,
  itemCode        VARCHAR(50)  NOT NULL,
${Object.entries(HIDDEN_PURCHASES_COLUMNS)
  .map(([name, definition]) => `  ${name.padEnd(15)} ${definition},`)
  .join("\n")}
  PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset),
  KEY idx_purchases_customer (customerId)
) ENGINE=InnoDB`;

/** Column names of `purchases`, in table order. */
export const PURCHASES_COLUMNS = [
  "customerId",
  "amount",
  "itemCode",
  "kafka_topic",
  "kafka_partition",
  "kafka_offset",
  "loaded_at",
] as const;

/** The connector's private database: `fomo` → `fomo_connector`. */
export function connectorDatabaseName(warehouseDatabase: string): string {
  return `${warehouseDatabase}_connector`;
}

/** Quotes a MySQL identifier (database, table, column) with backticks. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}
