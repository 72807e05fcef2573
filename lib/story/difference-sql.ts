import { isCustomerId } from "./story-sql";

/** Step 5's live queries. Customer ids are only substituted after `isCustomerId` checks them. */

export const TOP_CUSTOMERS_LIMIT = 5;

export const KAFKA_TOP_CUSTOMERS_SQL = `SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT ${TOP_CUSTOMERS_LIMIT}`;

export function warehouseTotalsSql(customerIds: string[]): string {
  const ids = customerIds.filter(isCustomerId).map((id) => `'${id}'`);
  return `SELECT customerid, sum(amount) AS total FROM purchases WHERE customerid IN (${ids.join(", ") || "''"}) GROUP BY customerid`;
}

export const COUNT_SQL = "SELECT count(*) AS n FROM purchases";

export const TOP_SPENDERS_FOR_DEVICES = 20;

export const DEVICE_MIX_SQL = `WITH top_spenders AS (
  SELECT customerid FROM purchases
  GROUP BY customerid ORDER BY sum(amount) DESC LIMIT ${TOP_SPENDERS_FOR_DEVICES}
)
SELECT r.useragent,
       sum(CASE WHEN t.customerid IS NOT NULL THEN 1 ELSE 0 END) AS top_spenders,
       count(*) AS all_customers
FROM requestlog r LEFT JOIN top_spenders t ON r.customerid = t.customerid
GROUP BY r.useragent
ORDER BY all_customers DESC`;
