/**
 * The MySQL-equality suite: queries that must give the same answer on the warehouse and on the
 * Kafka engine over the same rows. `{P}` and `{R}` stand for the purchases and requestlog tables
 * (the test gives both sides the same table names). `ordered` queries are compared row by row,
 * the others as multisets. Each query's ORDER BY breaks every tie, so "ordered" is deterministic.
 */
export interface EqualityQuery {
  name: string;
  sql: string;
  ordered: boolean;
}

export const EQUALITY_QUERIES: EqualityQuery[] = [
  {
    name: "the seed's top-3 spenders",
    sql: "SELECT customerid, sum(amount) AS total FROM {P} GROUP BY customerid ORDER BY total DESC LIMIT 3;",
    ordered: true,
  },
  {
    name: "the seed's device mix of CU-1277",
    sql: "SELECT useragent, count(useragent) FROM {R} WHERE customerid='CU-1277' GROUP BY useragent;",
    ordered: false,
  },
  { name: "count of purchases", sql: "SELECT COUNT(*) AS n FROM {P}", ordered: false },
  {
    name: "SELECT * returns the table's columns (the engine's metadata columns stay hidden)",
    sql: "SELECT * FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount DESC, itemcode LIMIT 10",
    ordered: true,
  },
  {
    name: "a qualified star next to an aggregate of a joined table",
    sql: "SELECT p.*, (SELECT COUNT(*) FROM {R} r WHERE r.customerid = p.customerid) AS requests FROM {P} p WHERE p.amount > 99.5 ORDER BY p.amount, p.itemcode, p.customerid",
    ordered: true,
  },
  {
    name: "SELECT * over a join",
    sql: "SELECT * FROM {P} p JOIN {R} r ON r.customerid = p.customerid WHERE p.customerid = 'CU-1001' AND p.amount > 80 ORDER BY p.amount, p.itemcode, r.useragent",
    ordered: true,
  },
  {
    name: "filter and order with a tie-breaking key",
    sql: "SELECT customerid, amount, itemcode FROM {P} WHERE amount > 95 ORDER BY amount DESC, itemcode, customerid LIMIT 20",
    ordered: true,
  },
  {
    name: "AND / OR / <> filters",
    sql: "SELECT COUNT(*) AS n, SUM(amount) AS total FROM {P} WHERE (amount < 20 OR amount > 90) AND customerid <> 'CU-1000'",
    ordered: false,
  },
  {
    name: "GROUP BY with HAVING",
    sql: "SELECT customerid, COUNT(*) AS purchases, SUM(amount) AS total FROM {P} GROUP BY customerid HAVING COUNT(*) >= 5 ORDER BY total DESC, customerid LIMIT 25",
    ordered: true,
  },
  { name: "MIN / MAX / AVG", sql: "SELECT MIN(amount) AS lo, MAX(amount) AS hi, AVG(amount) AS mean FROM {P}", ordered: false },
  {
    name: "ROUND of a scaled average per customer",
    sql: "SELECT customerid, ROUND(AVG(amount) * 1.0137, 2) AS mean FROM {P} GROUP BY customerid ORDER BY customerid LIMIT 50",
    ordered: true,
  },
  { name: "DISTINCT user agents", sql: "SELECT DISTINCT useragent FROM {R}", ordered: false },
  {
    name: "COUNT(DISTINCT …)",
    sql: "SELECT COUNT(DISTINCT customerid) AS customers, COUNT(DISTINCT itemcode) AS items FROM {P}",
    ordered: false,
  },
  { name: "LIKE with a substring", sql: "SELECT COUNT(*) AS n FROM {R} WHERE useragent LIKE '%iPhone%'", ordered: false },
  {
    name: "LIKE with a prefix, grouped and ordered",
    sql: "SELECT customerid, COUNT(*) AS n FROM {P} WHERE customerid LIKE 'CU-12%' GROUP BY customerid ORDER BY n DESC, customerid LIMIT 10",
    ordered: true,
  },
  {
    name: "IN list",
    sql: "SELECT customerid, SUM(amount) AS total FROM {P} WHERE customerid IN ('CU-1277', 'CU-1000', 'CU-1500') GROUP BY customerid",
    ordered: false,
  },
  {
    name: "BETWEEN",
    sql: "SELECT COUNT(*) AS n, SUM(amount) AS total FROM {P} WHERE amount BETWEEN 40 AND 60",
    ordered: false,
  },
  {
    name: "CASE bands grouped by alias",
    sql: "SELECT CASE WHEN amount < 40 THEN 'low' WHEN amount < 70 THEN 'mid' ELSE 'high' END AS band, COUNT(*) AS n, SUM(amount) AS total FROM {P} GROUP BY band",
    ordered: false,
  },
  {
    name: "string functions: lower, upper, concat, substring, length",
    sql: "SELECT lower(customerid) AS lc, upper(concat('x-', itemcode)) AS uc, substring(itemcode, 1, 4) AS prefix, length(itemcode) AS len FROM {P} WHERE customerid = 'CU-1277' ORDER BY itemcode, lc",
    ordered: true,
  },
  {
    name: "inner join across the two topics",
    sql: "SELECT p.customerid, COUNT(*) AS n FROM {P} p JOIN {R} r ON p.customerid = r.customerid WHERE p.customerid IN ('CU-1277', 'CU-1001') GROUP BY p.customerid",
    ordered: false,
  },
  {
    name: "join aggregated per device",
    sql: "SELECT r.useragent, COUNT(DISTINCT p.customerid) AS buyers, SUM(p.amount) AS spent FROM {P} p JOIN {R} r ON r.customerid = p.customerid GROUP BY r.useragent",
    ordered: false,
  },
  {
    name: "LEFT JOIN anti-join",
    sql: "SELECT COUNT(*) AS n FROM (SELECT DISTINCT customerid FROM {P}) p LEFT JOIN (SELECT DISTINCT customerid FROM {R}) r ON p.customerid = r.customerid WHERE r.customerid IS NULL",
    ordered: false,
  },
  {
    name: "CTE with a scalar subquery",
    sql: "WITH totals AS (SELECT customerid, SUM(amount) AS total FROM {P} GROUP BY customerid) SELECT customerid, total FROM totals WHERE total > (SELECT AVG(total) * 2 FROM totals) ORDER BY total DESC, customerid",
    ordered: true,
  },
  {
    name: "CTE joined to the other topic: devices of the top 10 spenders",
    sql: "WITH top AS (SELECT customerid, SUM(amount) AS total FROM {P} GROUP BY customerid ORDER BY total DESC, customerid LIMIT 10) SELECT r.useragent, COUNT(*) AS n FROM {R} r JOIN top t ON t.customerid = r.customerid GROUP BY r.useragent",
    ordered: false,
  },
  {
    name: "ROW_NUMBER per customer",
    sql: "SELECT customerid, itemcode, amount, ROW_NUMBER() OVER (PARTITION BY customerid ORDER BY amount DESC, itemcode) AS rn FROM {P} WHERE customerid IN ('CU-1277', 'CU-1002', 'CU-1003')",
    ordered: false,
  },
  {
    name: "running SUM OVER",
    sql: "SELECT customerid, amount, SUM(amount) OVER (PARTITION BY customerid ORDER BY amount, itemcode ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM {P} WHERE customerid LIKE 'CU-10%'",
    ordered: false,
  },
  {
    name: "RANK over an aggregate",
    sql: "SELECT customerid, total, RANK() OVER (ORDER BY total DESC) AS rnk FROM (SELECT customerid, SUM(amount) AS total FROM {P} GROUP BY customerid) t ORDER BY rnk, customerid LIMIT 10",
    ordered: true,
  },
  {
    name: "top 3 customers per device",
    sql: "WITH ranked AS (SELECT useragent, customerid, COUNT(*) AS n, ROW_NUMBER() OVER (PARTITION BY useragent ORDER BY COUNT(*) DESC, customerid) AS rn FROM {R} GROUP BY useragent, customerid) SELECT useragent, customerid, n FROM ranked WHERE rn <= 3 ORDER BY useragent, rn",
    // Ordered: the engine sorts strings ignoring case, as MySQL does ("(iPhone" before "(Linux").
    ordered: true,
  },
  {
    name: "IN subquery",
    sql: "SELECT COUNT(*) AS n FROM {R} WHERE customerid IN (SELECT customerid FROM {P} WHERE amount > 99)",
    ordered: false,
  },
  {
    name: "correlated EXISTS",
    sql: "SELECT COUNT(*) AS n FROM {P} p WHERE EXISTS (SELECT 1 FROM {R} r WHERE r.customerid = p.customerid AND r.useragent LIKE '%Windows%')",
    ordered: false,
  },
  {
    name: "LIMIT with OFFSET",
    sql: "SELECT customerid, SUM(amount) AS total FROM {P} GROUP BY customerid ORDER BY total DESC, customerid LIMIT 5 OFFSET 5",
    ordered: true,
  },
  {
    name: "NOT LIKE grouped and ordered",
    sql: "SELECT useragent, COUNT(*) AS n FROM {R} WHERE useragent NOT LIKE '%Windows%' GROUP BY useragent ORDER BY n DESC, useragent",
    ordered: true,
  },
  {
    name: "COALESCE and NULLIF",
    sql: "SELECT COALESCE(NULLIF(customerid, 'CU-1277'), 'star') AS who, COUNT(*) AS n FROM {P} WHERE customerid IN ('CU-1277', 'CU-1278') GROUP BY who",
    ordered: false,
  },
  {
    name: "arithmetic in aggregates",
    sql: "SELECT customerid, SUM(amount * 1.2) AS gross, SUM(amount) - MIN(amount) AS spread FROM {P} GROUP BY customerid ORDER BY customerid LIMIT 20",
    ordered: true,
  },
  {
    name: "UNION ALL of both topics",
    sql: "SELECT 'purchases' AS source, COUNT(DISTINCT customerid) AS customers FROM {P} UNION ALL SELECT 'requests', COUNT(DISTINCT customerid) FROM {R}",
    ordered: false,
  },
  {
    name: "HAVING on a count per device",
    sql: "SELECT useragent, COUNT(DISTINCT customerid) AS customers FROM {R} GROUP BY useragent HAVING COUNT(*) > 100",
    ordered: false,
  },
  {
    name: "GROUP BY two columns over a string range",
    sql: "SELECT customerid, useragent, COUNT(*) AS n FROM {R} WHERE customerid BETWEEN 'CU-1270' AND 'CU-1280' GROUP BY customerid, useragent",
    ordered: false,
  },
  {
    name: "selective lookup of one customer",
    sql: "SELECT customerid, amount, itemcode FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "GROUP BY and ORDER BY by position",
    sql: "SELECT customerid, COUNT(*) FROM {P} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5",
    ordered: true,
  },
  {
    name: "MySQL's IF() and IFNULL()",
    sql: "SELECT IF(amount > 50, 'big', 'small') AS size, IFNULL(NULL, 'x') AS filler, COUNT(*) AS n FROM {P} GROUP BY size, filler",
    ordered: false,
  },
  {
    name: "more string functions: concat_ws, left, right, replace, lpad, trim, position",
    sql: "SELECT CONCAT_WS('-', customerid, itemcode) AS k, LEFT(itemcode, 2) AS l, RIGHT(itemcode, 2) AS r, REPLACE(customerid, 'CU', 'X') AS x, LPAD(customerid, 10, '*') AS p, TRIM(CONCAT('  ', customerid, '  ')) AS t, POSITION('12' IN customerid) AS pos FROM {P} WHERE customerid = 'CU-1277' ORDER BY itemcode, amount",
    ordered: true,
  },
  {
    name: "HAVING on a select alias",
    sql: "SELECT customerid, COUNT(*) AS n FROM {P} GROUP BY customerid HAVING n > 6",
    ordered: false,
  },
  {
    name: "aliases without AS, ORDER BY an aggregate",
    sql: "SELECT SUM(amount) total, customerid cid FROM {P} GROUP BY cid ORDER BY SUM(amount) DESC, cid LIMIT 3",
    ordered: true,
  },
  {
    name: "numeric functions: floor, ceil, abs, mod",
    sql: "SELECT FLOOR(amount) AS f, CEIL(amount) AS c, ABS(-amount) AS a, MOD(FLOOR(amount), 7) AS m FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "scalar subquery in WHERE",
    sql: "SELECT p.customerid, p.amount FROM {P} AS p WHERE p.amount = (SELECT MAX(amount) FROM {P})",
    ordered: false,
  },
  {
    name: "DISTINCT with ORDER BY and LIMIT",
    sql: "SELECT DISTINCT customerid FROM {P} ORDER BY customerid LIMIT 5",
    ordered: true,
  },
  {
    name: "CAST to an integer",
    sql: "SELECT CAST(amount AS SIGNED) AS whole, COUNT(*) AS n FROM {P} WHERE customerid LIKE 'CU-11%' GROUP BY whole",
    ordered: false,
  },
];

export function withTables(sql: string, tables: { purchases: string; requestlog: string }): string {
  return sql.replaceAll("{P}", tables.purchases).replaceAll("{R}", tables.requestlog);
}
