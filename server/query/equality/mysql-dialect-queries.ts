import type { EqualityQuery } from "./equality-queries";

/**
 * The MySQL-only part of the equality suite: spellings and semantics DuckDB does not share, which
 * the engine translates or emulates (server/engine/sql/mysql-dialect.ts, mysql-functions.ts,
 * mysql-order-collation.ts). Same conventions as EQUALITY_QUERIES.
 */
export const MYSQL_DIALECT_QUERIES: EqualityQuery[] = [
  {
    name: "REGEXP is a case-insensitive partial match",
    sql: "SELECT COUNT(*) AS n FROM {R} WHERE useragent REGEXP 'iphone|android'",
    ordered: false,
  },
  {
    name: "RLIKE with anchors, grouped",
    sql: "SELECT customerid, COUNT(*) AS n FROM {P} WHERE customerid RLIKE '^cu-12[0-9]7$' GROUP BY customerid",
    ordered: false,
  },
  { name: "NOT REGEXP", sql: "SELECT COUNT(*) AS n FROM {R} WHERE useragent NOT REGEXP 'windows'", ordered: false },
  {
    name: "REGEXP as a 1/0 value in the select list",
    sql: "SELECT useragent REGEXP 'mobile' AS mobile, COUNT(*) AS n FROM {R} GROUP BY mobile",
    ordered: false,
  },
  {
    name: "LOCATE, INSTR and POSITION ignore case",
    sql: "SELECT LOCATE('safari', useragent) AS l, LOCATE('Safari', useragent, 100) AS l2, INSTR(useragent, 'GECKO') AS i, POSITION('chrome' IN useragent) AS p, COUNT(*) AS n FROM {R} GROUP BY l, l2, i, p",
    ordered: false,
  },
  {
    name: "GROUP_CONCAT with ORDER BY and the default separator",
    sql: "SELECT customerid, GROUP_CONCAT(itemcode ORDER BY itemcode) AS items FROM {P} WHERE customerid IN ('CU-1277', 'CU-1001') GROUP BY customerid",
    ordered: false,
  },
  {
    name: "GROUP_CONCAT(DISTINCT … ORDER BY … DESC SEPARATOR …)",
    sql: "SELECT customerid, GROUP_CONCAT(DISTINCT LEFT(itemcode, 1) ORDER BY LEFT(itemcode, 1) DESC SEPARATOR ' | ') AS firsts FROM {P} WHERE customerid LIKE 'CU-10%' GROUP BY customerid",
    ordered: false,
  },
  {
    name: "GROUP_CONCAT ordered by the position of its expression",
    sql: "SELECT customerid, GROUP_CONCAT(DISTINCT SUBSTRING(itemcode, 1, 1) ORDER BY 1 SEPARATOR '|') AS firsts FROM {P} WHERE customerid LIKE 'CU-12%' GROUP BY customerid",
    ordered: false,
  },
  {
    name: "GROUP_CONCAT of several expressions",
    sql: "SELECT GROUP_CONCAT(customerid, ':', itemcode ORDER BY itemcode SEPARATOR ';') AS pairs FROM {P} WHERE customerid = 'CU-1277' AND amount > 90",
    ordered: false,
  },
  {
    name: "GROUP BY … WITH ROLLUP adds a total row with a NULL key",
    sql: "SELECT useragent, COUNT(*) AS n FROM {R} GROUP BY useragent WITH ROLLUP",
    ordered: true,
  },
  {
    name: "GROUP BY without ORDER BY returns the groups sorted, before LIMIT (MariaDB)",
    sql: "SELECT customerid, COUNT(*) AS n FROM {P} GROUP BY customerid LIMIT 5",
    ordered: true,
  },
  {
    name: "GROUP BY … ORDER BY NULL skips the sort (compared as a set)",
    sql: "SELECT customerid, COUNT(*) AS n FROM {P} WHERE customerid LIKE 'CU-12%' GROUP BY customerid ORDER BY NULL",
    ordered: false,
  },
  {
    name: "GROUP BY without ORDER BY sorts strings ignoring case, by a key not selected too",
    sql: "SELECT COUNT(*) AS n, MAX(customerid) AS last_customer FROM {R} GROUP BY useragent -- one row per device",
    ordered: true,
  },
  {
    name: "WITH ROLLUP rows come after their groups",
    sql: "SELECT LEFT(customerid, 5) AS prefix, useragent, COUNT(*) AS n FROM {R} WHERE customerid LIKE 'CU-10%' GROUP BY prefix, useragent WITH ROLLUP",
    ordered: true,
  },
  {
    name: "WITH ROLLUP over two keys",
    sql: "SELECT customerid, LEFT(itemcode, 1) AS d, COUNT(*) AS n, SUM(amount) AS total FROM {P} WHERE customerid IN ('CU-1277', 'CU-1001') GROUP BY customerid, LEFT(itemcode, 1) WITH ROLLUP",
    ordered: false,
  },
  {
    name: "<=> is NULL-safe equality",
    sql: "SELECT COUNT(*) AS n, SUM(NULLIF(customerid, 'CU-1277') <=> NULL) AS star, SUM(customerid <=> 'CU-1001') AS other FROM {P}",
    ordered: false,
  },
  {
    name: "SUBSTRING_INDEX and CHAR_LENGTH",
    sql: "SELECT SUBSTRING_INDEX(useragent, ' ', 1) AS first_word, SUBSTRING_INDEX(useragent, '/', -1) AS last_part, CHAR_LENGTH(useragent) AS len, COUNT(*) AS n FROM {R} GROUP BY first_word, last_part, len",
    ordered: false,
  },
  {
    name: "TRUNCATE to decimals, units and tens",
    sql: "SELECT amount, TRUNCATE(amount, 1) AS t1, TRUNCATE(amount, 0) AS t0, TRUNCATE(amount * 10, -1) AS tm FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "CONCAT is NULL when an argument is NULL; IF and IFNULL",
    sql: "SELECT CONCAT(customerid, NULL) AS c, CONCAT(customerid, '-', itemcode) AS k, IFNULL(CONCAT(NULL, 'x'), 'none') AS f, IF(amount > 50, 'big', 'small') AS size FROM {P} WHERE customerid = 'CU-1277' ORDER BY itemcode, amount",
    ordered: true,
  },
  {
    name: "STDDEV, STD and VARIANCE are population figures",
    sql: "SELECT customerid, STDDEV(amount) AS sd, STD(amount) AS s2, VARIANCE(amount) AS v, STDDEV_SAMP(amount) AS ss, VAR_SAMP(amount) AS vs FROM {P} GROUP BY customerid HAVING COUNT(*) > 5",
    ordered: false,
  },
  {
    name: "comparisons are 1/0 values",
    sql: "SELECT amount > 50 AS big, customerid = 'CU-1277' AS star, COUNT(*) AS n, SUM(amount > 90) AS huge FROM {P} GROUP BY big, star",
    ordered: false,
  },
  {
    name: "integer division is DECIMAL with 4 more digits",
    sql: "SELECT COUNT(*) / 7000 AS ratio, COUNT(*) / 7000 * 100 AS pct, SUM(amount) / COUNT(*) AS mean, COUNT(DISTINCT customerid) / 3 AS thirds, 100 * COUNT(*) / (SELECT COUNT(*) FROM {R}) AS share, COUNT(*) * 1.0 / 7 AS scaled FROM {P}",
    ordered: false,
  },
  {
    name: "integer division per group",
    sql: "SELECT customerid, COUNT(*) / 3 AS third, COUNT(*) DIV 2 AS half FROM {P} GROUP BY customerid ORDER BY customerid LIMIT 20",
    ordered: true,
  },
  {
    name: "AVG of integers has 4 decimals",
    sql: "SELECT AVG(n) AS mean_per_customer, AVG(LENGTH(customerid)) AS mean_len, AVG(n * 1.5) AS scaled FROM (SELECT customerid, COUNT(*) AS n FROM {P} GROUP BY customerid) t",
    ordered: false,
  },
  {
    name: "ROUND of DOUBLE averages, sums and maxima",
    sql: "SELECT customerid, ROUND(AVG(amount), 2) AS mean, ROUND(SUM(amount), 1) AS total, ROUND(MAX(amount)) AS top FROM {P} GROUP BY customerid",
    ordered: false,
  },
  {
    name: "ORDER BY a string column ignores case",
    sql: "SELECT useragent, COUNT(*) AS n FROM {R} GROUP BY useragent ORDER BY useragent",
    ordered: true,
  },
  {
    name: "ORDER BY a string column that is not selected ignores case",
    sql: "SELECT customerid, LEFT(useragent, 20) AS ua FROM {R} WHERE customerid = 'CU-1277' ORDER BY useragent DESC, customerid, ua",
    ordered: true,
  },
  {
    name: "ORDER BY position, descending, over DISTINCT strings",
    sql: "SELECT DISTINCT useragent FROM {R} ORDER BY 1 DESC",
    ordered: true,
  },
  {
    name: "ORDER BY an alias of a computed string",
    sql: "SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(useragent, '(', -1), ';', 1) AS platform, COUNT(*) AS n FROM {R} GROUP BY platform ORDER BY platform, n",
    ordered: true,
  },
  {
    name: "LIKE ignores case",
    sql: "SELECT (SELECT COUNT(*) FROM {R} WHERE useragent LIKE '%iphone%') AS iphone, (SELECT COUNT(*) FROM {R} WHERE useragent NOT LIKE '%WINDOWS%') AS other, (SELECT COUNT(*) FROM {P} WHERE customerid LIKE 'cu-12%') AS twelve",
    ordered: false,
  },
  {
    name: "date formatting and conversion functions",
    sql: "SELECT DATE_FORMAT('2024-03-05 14:07:09', '%Y-%m-%d %H:%i:%s') AS f1, DATE_FORMAT('2024-03-05', '%W %M %e %Y, %a %b %c %j %p %T %%') AS f2, FROM_UNIXTIME(1700000000) AS t, FROM_UNIXTIME(1700000000, '%Y-%m') AS ym, UNIX_TIMESTAMP('2024-01-01 00:00:00') AS u, DATE('2024-03-05 10:11:12') AS d, CURDATE() = DATE(NOW()) AS today, YEAR(NOW()) >= 2024 AS recent FROM {P} LIMIT 1",
    ordered: false,
  },
  {
    name: "date arithmetic functions",
    sql: "SELECT DATEDIFF('2024-03-05', '2024-02-01') AS dd, TIMESTAMPDIFF(HOUR, '2024-01-01 00:00:00', '2024-01-02 05:59:00') AS th, DAYOFWEEK('2024-01-07') AS dow, WEEKDAY('2024-01-07') AS wd, DATE_ADD('2024-01-31 10:00:00', INTERVAL 1 DAY) AS plus, DATE_SUB('2024-03-01 00:00:00', INTERVAL 1 MONTH) AS minus FROM {P} LIMIT 1",
    ordered: false,
  },
  {
    name: "backtick names, LIMIT offset, count and DIV",
    sql: "SELECT `customerid`, SUM(`amount`) AS total, FLOOR(SUM(`amount`)) DIV 100 AS hundreds FROM `{P}` GROUP BY `customerid` ORDER BY total DESC, `customerid` LIMIT 5, 5",
    ordered: true,
  },
  {
    name: "GREATEST, LEAST, LOG, FIND_IN_SET, STRCMP, REGEXP_REPLACE",
    sql: "SELECT GREATEST(amount, 50) AS g, LEAST(amount, 50, NULL) AS l, LOG(amount) AS ln, LOG(10, amount) AS l10, FIND_IN_SET(RIGHT(customerid, 1), '1,3,7') AS f, STRCMP(customerid, 'cu-1277') AS s, REGEXP_REPLACE(customerid, 'cu-', 'X') AS r FROM {P} WHERE customerid IN ('CU-1277', 'CU-1001') ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "CAST and CONVERT to MySQL types",
    sql: "SELECT CAST(amount AS SIGNED) AS s, CAST(amount AS UNSIGNED) AS u, CONVERT(amount, SIGNED) AS c, CAST(amount AS DECIMAL) AS d, CAST(amount AS DECIMAL(10,1)) AS d1, CAST(customerid AS CHAR) AS ch FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "|| and && are OR and AND; # starts a comment",
    sql: "SELECT COUNT(*) AS n FROM {P} WHERE (customerid = 'CU-1277' || customerid = 'CU-1001') && amount > 50 # the star and one more",
    ordered: false,
  },
  {
    name: "strings with backslash escapes and in double quotes",
    sql: 'SELECT COUNT(*) AS n, \'it\\\'s\' AS quote, "CU" AS dq FROM {P} WHERE customerid = "CU-1277"',
    ordered: false,
  },
  {
    name: "NULL sorts first ascending",
    sql: "SELECT r.customerid, p.n FROM (SELECT DISTINCT customerid FROM {R} WHERE customerid LIKE 'CU-10%') r LEFT JOIN (SELECT customerid, COUNT(*) AS n FROM {P} WHERE amount > 95 GROUP BY customerid) p ON p.customerid = r.customerid ORDER BY p.n, r.customerid",
    ordered: true,
  },
  {
    name: "NULL sorts last descending",
    sql: "SELECT r.customerid, p.n FROM (SELECT DISTINCT customerid FROM {R} WHERE customerid LIKE 'CU-10%') r LEFT JOIN (SELECT customerid, COUNT(*) AS n FROM {P} WHERE amount > 95 GROUP BY customerid) p ON p.customerid = r.customerid ORDER BY p.n DESC, r.customerid",
    ordered: true,
  },
  {
    name: "MOD as an operator, groups sorted",
    sql: "SELECT FLOOR(amount) MOD 7 AS m, COUNT(*) AS n FROM {P} GROUP BY m",
    ordered: true,
  },
  { name: "COUNT(DISTINCT a, b)", sql: "SELECT COUNT(DISTINCT customerid, useragent) AS pairs FROM {R}", ordered: false },
  {
    name: "FORMAT with thousands separators",
    sql: "SELECT amount, FORMAT(amount * 1000, 2) AS f, FORMAT(amount * 100000, 0) AS g FROM {P} WHERE customerid = 'CU-1277' ORDER BY amount, itemcode",
    ordered: true,
  },
  {
    name: "aliases written as strings",
    sql: "SELECT COUNT(*) AS 'purchase count', SUM(amount) 'total' FROM {P}",
    ordered: false,
  },
  {
    name: "a column neither grouped nor aggregated (MariaDB's default sql_mode)",
    sql: "SELECT p.customerid, r.customerid AS rc, LENGTH(p.itemcode) AS len, COUNT(*) AS n FROM {P} p JOIN {R} r ON r.customerid = p.customerid WHERE p.customerid IN ('CU-1277', 'CU-1001') GROUP BY p.customerid",
    ordered: true,
  },
  {
    name: "a date plus days or months stays a date, plus hours a datetime",
    sql: "SELECT DATE_ADD('2024-01-31', INTERVAL 1 MONTH) AS a, DATE_SUB('2024-03-01', INTERVAL 1 DAY) AS b, '2024-01-31' + INTERVAL 1 DAY AS c, '2024-01-31' + INTERVAL 3 HOUR AS d, ADDDATE('2024-02-28', INTERVAL 1 YEAR) AS e, CURDATE() - INTERVAL 1 DAY < CURDATE() AS f FROM {P} LIMIT 1",
    ordered: false,
  },
  {
    name: "date parts of dates written as text",
    sql: "SELECT YEAR('2024-05-06') AS y, MONTH('2024-05-06') AS m, DAY('2024-05-06') AS d, DAYNAME('2024-05-06') AS dn, MONTHNAME('2024-05-06') AS mn, QUARTER('2024-05-06') AS q, LAST_DAY('2024-02-10') AS ld, HOUR('2024-05-06 07:08:09') AS h, MINUTE('2024-05-06 07:08:09') AS mi, SECOND('2024-05-06 07:08:09') AS s, DAYOFYEAR('2024-05-06') AS doy FROM {P} LIMIT 1",
    ordered: false,
  },
  {
    name: "AVG of a comparison is a share",
    sql: "SELECT AVG(amount > 50) AS share, AVG(customerid = 'CU-1277') AS star, SUM(amount > 50) / COUNT(*) AS same FROM {P}",
    ordered: false,
  },
  {
    name: "a string column equals a literal ignoring case, as MySQL's _ci collation compares",
    sql: "SELECT COUNT(*) AS n, SUM(customerid LIKE 'cu-1277') AS liked FROM {P} WHERE customerid = 'cu-1277' OR customerid = 'CU-1277'",
    ordered: false,
  },
  {
    name: "IN, NOT IN and <> with literals in another case",
    sql: "SELECT customerid, COUNT(*) AS n, SUM(customerid <> 'cU-1001') AS other FROM {P} WHERE customerid IN ('cu-1277', 'Cu-1001', 'CU-1002') AND customerid NOT IN ('cu-1002') GROUP BY customerid ORDER BY customerid",
    ordered: true,
  },
  {
    name: "a literal on the left, in a CASE, and in a join condition",
    sql: "SELECT SUM(CASE WHEN 'cu-1277' = p.customerid THEN p.amount ELSE 0 END) AS star, COUNT(*) AS n FROM {P} p JOIN {R} r ON r.customerid = p.customerid AND r.customerid = 'cu-1001'",
    ordered: false,
  },
  {
    name: "a column holding both cases compared ignoring case (user agents)",
    sql: "SELECT customerid, COUNT(*) AS n FROM {R} WHERE useragent = 'MOZILLA/5.0 (MACINTOSH; INTEL MAC OS X 10_15_7) APPLEWEBKIT/605.1.15 (KHTML, LIKE GECKO) VERSION/18.3.1 SAFARI/605.1.15' AND customerid IN ('CU-1277', 'cu-1001') GROUP BY customerid ORDER BY customerid",
    ordered: true,
  },
  // Comments and quotes read by MySQL's rules (lib/sql/mysql-lexer.ts) on both sides.
  { name: "5--2 is 5 - -2: -- needs a space after it", sql: "SELECT 5--2 AS a", ordered: false },
  { name: "5 -- 2 is 5 and a comment", sql: "SELECT 5 -- 2", ordered: false },
  { name: "a block comment between operands", sql: "SELECT 1 /* c */ + 1", ordered: false },
  { name: "-- inside a string is text", sql: "SELECT '--'", ordered: false },
  { name: "a double-quoted string is a string, -- inside it is text", sql: 'SELECT "a--b"', ordered: false },
  { name: "# comments to the end of the line", sql: "SELECT 1 # c", ordered: false },
  {
    name: "comments and minus signs over a table",
    sql: "SELECT customerid, COUNT(*)--1 AS n1, COUNT(*) /* /* */ + 1 AS n2, COUNT(*) ---1 AS n3 -- the end\nFROM {P} # by customer\nWHERE customerid IN ('CU-1277', 'CU-1001') GROUP BY customerid ORDER BY customerid",
    ordered: true,
  },
  {
    name: "escaped quotes and comment markers inside strings",
    sql: "SELECT 'it\\'s -- no comment' AS a, 'a''b /* no */' AS b, \"say \"\"#hi\"\"\" AS c, COUNT(*) AS n FROM {P} WHERE customerid = 'CU-1277'",
    ordered: false,
  },
];
