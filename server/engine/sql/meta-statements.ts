/**
 * The MySQL-style catalog statements the engine answers itself (DuckDB's own SHOW/DESCRIBE would
 * reveal the internal schema): SHOW [ALL|FULL] TABLES, DESCRIBE/DESC t, SHOW [FULL] COLUMNS FROM t,
 * SHOW DATABASES / SHOW SCHEMAS.
 */
export type MetaStatement = { kind: "show_tables"; all: boolean } | { kind: "describe"; table: string } | { kind: "show_schemas" };

const IDENTIFIER = String.raw`("(?:[^"]|"")+"|\x60(?:[^\x60]|\x60\x60)+\x60|[^\s;"\x60]+)`;
const SHOW_TABLES = /^show\s+(all\s+|full\s+)?tables(?:\s+(?:from|in)\s+(?:"default"|`default`|default|kafka))?$/i;
const DESCRIBE = new RegExp(String.raw`^(?:describe|desc|show\s+(?:full\s+)?columns\s+(?:from|in))\s+${IDENTIFIER}$`, "i");
const SHOW_SCHEMAS = /^show\s+(databases|schemas)$/i;

export function parseMetaStatement(sql: string): MetaStatement | undefined {
  const text = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, "").trim();
  const tables = SHOW_TABLES.exec(text);
  if (tables) return { kind: "show_tables", all: /^all/i.test(tables[1] ?? "") };
  const describe = DESCRIBE.exec(text);
  if (describe) return { kind: "describe", table: unquote(describe[1]!) };
  if (SHOW_SCHEMAS.test(text)) return { kind: "show_schemas" };
  return undefined;
}

function unquote(identifier: string): string {
  if (identifier.startsWith('"')) return identifier.slice(1, -1).replaceAll('""', '"');
  if (identifier.startsWith("`")) return identifier.slice(1, -1).replaceAll("``", "`");
  return identifier.replace(/^(?:kafka\.)?(?:default\.)?/i, "");
}
