import type { Connection } from "mysql2/promise";
import { purchaseAt, requestAt } from "../../dataset/dataset";

/**
 * Creates the warehouse twins of the two topics (same column names as the JSON fields) and loads
 * exactly the rows the generator's dataset functions give for `seed`, index 0 to count-1: the rows
 * `bulkProduce` puts into Kafka for the same seed and count.
 */
export async function loadStoryRows(
  admin: Connection,
  tables: { purchases: string; requestlog: string },
  options: { seed: number; purchases: number; requests: number },
): Promise<void> {
  await admin.query(
    `CREATE TABLE \`${tables.purchases}\` (customerId VARCHAR(50) NOT NULL, amount DOUBLE(10,3) NOT NULL, itemCode VARCHAR(50) NOT NULL, KEY (customerId))`,
  );
  await admin.query(
    `CREATE TABLE \`${tables.requestlog}\` (customerId VARCHAR(50) NOT NULL, userAgent VARCHAR(255) NOT NULL, KEY (customerId))`,
  );
  const batch = 5_000;
  for (let start = 0; start < options.purchases; start += batch) {
    const rows = [];
    for (let index = start; index < Math.min(options.purchases, start + batch); index++) {
      const purchase = purchaseAt(options.seed, index);
      rows.push([purchase.customerId, purchase.amount, purchase.itemCode]);
    }
    await admin.query(`INSERT INTO \`${tables.purchases}\` (customerId, amount, itemCode) VALUES ?`, [rows]);
  }
  for (let start = 0; start < options.requests; start += batch) {
    const rows = [];
    for (let index = start; index < Math.min(options.requests, start + batch); index++) {
      const request = requestAt(options.seed, index);
      rows.push([request.customerId, request.userAgent]);
    }
    await admin.query(`INSERT INTO \`${tables.requestlog}\` (customerId, userAgent) VALUES ?`, [rows]);
  }
}
