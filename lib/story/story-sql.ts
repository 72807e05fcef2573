/** The SQL the story runs. The seed's two queries are kept exactly as the seed writes them. */

export const TOP_SPENDERS_SQL = "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;";

export const SHOW_TABLES_SQL = "SHOW TABLES;";

export const COUNT_PURCHASES_SQL = "SELECT count(*) AS purchases FROM purchases;";

export const DEFAULT_CUSTOMER = "CU-1277";

const customerIdPattern = /^CU-\d{1,9}$/;

export function isCustomerId(value: unknown): value is string {
  return typeof value === "string" && customerIdPattern.test(value);
}

/** The seed's device query for one customer. Only ids shaped like `CU-1234` are ever substituted. */
export function deviceMixSql(customerId: string): string {
  const safe = isCustomerId(customerId) ? customerId : DEFAULT_CUSTOMER;
  return `SELECT useragent, count(useragent) FROM requestlog WHERE customerid='${safe}' GROUP BY useragent;`;
}
