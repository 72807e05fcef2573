/** The SQL without trailing semicolons and whitespace (MySQL clients send `…;`); the prefix is kept intact so positions still match. */
export function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/u, "");
}
