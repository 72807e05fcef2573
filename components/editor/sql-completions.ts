import type { Catalog } from "@/lib/api/catalog";
import type { monaco as Monaco } from "./monaco-setup";

type MonacoApi = typeof Monaco;

const SQL_KEYWORDS = [
  "SELECT",
  "FROM",
  "WHERE",
  "GROUP BY",
  "ORDER BY",
  "HAVING",
  "LIMIT",
  "JOIN",
  "LEFT JOIN",
  "INNER JOIN",
  "ON",
  "AS",
  "AND",
  "OR",
  "NOT",
  "IN",
  "IS NULL",
  "IS NOT NULL",
  "DISTINCT",
  "COUNT",
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "DESC",
  "ASC",
  "WITH",
  "UNION ALL",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "SHOW TABLES",
  "DESCRIBE",
  "LIKE",
  "BETWEEN",
];

/** Catalog per editor model, so each pane completes the tables of its own database. */
const catalogsByModel = new Map<string, Catalog>();

export function setModelCatalog(modelUri: string, catalog: Catalog | undefined): void {
  if (catalog) catalogsByModel.set(modelUri, catalog);
  else catalogsByModel.delete(modelUri);
}

let registered = false;

/** Registers one SQL completion provider: keywords, tables, and columns (of tables the text names first). */
export function registerSqlCompletions(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider("sql", {
    triggerCharacters: [" ", ".", ","],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const catalog = catalogsByModel.get(model.uri.toString());
      const text = model.getValue().toLowerCase();
      const kinds = monaco.languages.CompletionItemKind;
      const suggestions: Monaco.languages.CompletionItem[] = [];
      const seenColumns = new Set<string>();
      for (const schema of catalog?.schemas ?? []) {
        for (const table of schema.tables) {
          const mentioned = new RegExp(`\\b${table.name.toLowerCase().replace(/[^a-z0-9_]/g, "\\$&")}\\b`).test(text);
          suggestions.push({
            label: table.name,
            kind: kinds.Struct,
            detail: `table · ${schema.name}${table.rowCount != null ? ` · ${table.rowCount.toLocaleString("en-US")} rows` : ""}`,
            insertText: table.name,
            range,
            sortText: `1${table.name}`,
          });
          for (const column of table.columns) {
            const key = `${table.name}.${column.name}`;
            if (seenColumns.has(key)) continue;
            seenColumns.add(key);
            suggestions.push({
              label: { label: column.name, description: `${table.name} · ${column.type}` },
              kind: kinds.Field,
              insertText: column.name,
              range,
              sortText: `${mentioned ? "0" : "2"}${column.name}`,
            });
          }
        }
      }
      for (const keyword of SQL_KEYWORDS) {
        suggestions.push({ label: keyword, kind: kinds.Keyword, insertText: keyword, range, sortText: `3${keyword}` });
      }
      return { suggestions };
    },
  });
}
