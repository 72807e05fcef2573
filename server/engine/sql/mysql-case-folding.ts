import type { CaseProfile } from "../store/column-case-profile";
import type { AstNode } from "./analyze-statement";
import { tokenizeMysql, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, replaceRange, type SqlEdit, type TranslatedSql } from "./translated-sql";

/** A column compared with string constants: `c = 'x'`, `'x' <> c`, `c [NOT] IN ('x', 'y')`. */
interface StringComparison {
  column: string;
  columnAt: number;
  literalsAt: { at: number; value: string }[];
}

const EQUALITIES = new Set(["COMPARE_EQUAL", "COMPARE_NOTEQUAL"]);
const MEMBERSHIPS = new Set(["COMPARE_IN", "COMPARE_NOT_IN"]);

function columnRef(node: unknown): { name: string; at: number } | undefined {
  const n = node as AstNode | undefined;
  if (n?.class !== "COLUMN_REF" || !Array.isArray(n.column_names) || typeof n.query_location !== "number") return undefined;
  const name = n.column_names.at(-1);
  return typeof name === "string" ? { name: name.toLowerCase(), at: n.query_location } : undefined;
}

function stringConstant(node: unknown): { value: string; at: number } | undefined {
  const n = node as AstNode | undefined;
  if (n?.class !== "CONSTANT" || typeof n.query_location !== "number") return undefined;
  const value = n.value as { type?: { id?: string }; is_null?: boolean; value?: unknown } | undefined;
  if (value?.type?.id !== "VARCHAR" || value.is_null || typeof value.value !== "string") return undefined;
  return { value: value.value, at: n.query_location };
}

/** Every comparison of a column with string constants in the statement's AST (byte offsets). */
export function stringComparisons(root: AstNode): StringComparison[] {
  const found: StringComparison[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const n = node as AstNode;
    if (n.class === "COMPARISON" && EQUALITIES.has(String(n.type))) {
      const column = columnRef(n.left) ?? columnRef(n.right);
      const literal = stringConstant(n.right) ?? stringConstant(n.left);
      if (column && literal) found.push({ column: column.name, columnAt: column.at, literalsAt: [literal] });
    }
    if (n.class === "OPERATOR" && MEMBERSHIPS.has(String(n.type)) && Array.isArray(n.children)) {
      const [first, ...rest] = n.children;
      const column = columnRef(first);
      const literals = rest.map(stringConstant);
      if (column && literals.length > 0 && literals.every((literal) => literal !== undefined)) {
        found.push({ column: column.name, columnAt: column.at, literalsAt: literals as { value: string; at: number }[] });
      }
    }
    for (const value of Object.values(n)) if (typeof value === "object") visit(value);
  };
  visit(root);
  return found;
}

function hasLetters(value: string): boolean {
  return value.toUpperCase() !== value.toLowerCase();
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * MySQL's default `_ci` collations compare strings ignoring case; DuckDB compares code points. For
 * `c = 'lit'`, `c <> 'lit'` and `c [NOT] IN (…)` on a topic's string column, the engine gives
 * MySQL's answer at no cost when the column's values all share one case (the literal is put in
 * that case: `customerid = 'cu-1277'` becomes `customerid = 'CU-1277'`), and with a `lower()` per
 * row when they do not. `profileOf` says which; a name that is no topic string column is left alone.
 */
export async function foldCaseOfComparisons(
  translation: TranslatedSql,
  root: AstNode,
  profileOf: (column: string) => Promise<CaseProfile | undefined>,
): Promise<TranslatedSql> {
  const comparisons = stringComparisons(root).filter((comparison) => comparison.literalsAt.some((literal) => hasLetters(literal.value)));
  if (comparisons.length === 0) return translation;
  const text = translation.text;
  const tokens = tokenizeMysql(text, { backslashEscapes: false });
  const charOffset = byteToCharOffsets(text);
  const tokenAt = (byteOffset: number): { token: SqlToken; index: number } | undefined => {
    const at = charOffset(byteOffset);
    const index = tokens.findIndex((token) => token.start === at);
    return index < 0 ? undefined : { token: tokens[index]!, index };
  };
  const edits: SqlEdit[] = [];
  for (const comparison of comparisons) {
    const profile = await profileOf(comparison.column);
    if (!profile) continue;
    const literals = comparison.literalsAt.map((literal) => ({ literal, found: tokenAt(literal.at) }));
    if (literals.some(({ found }) => found?.token.kind !== "string")) continue;
    const mixed = profile.hasLower && profile.hasUpper;
    const fold = (value: string) => (mixed || profile.hasLower ? value.toLowerCase() : value.toUpperCase());
    if (literals.some(({ literal }) => fold(literal.value).length !== literal.value.length)) continue;
    const pending: SqlEdit[] = literals.flatMap(({ literal, found }) => {
      const folded = sqlString(fold(literal.value));
      // Already in the column's case (the usual `customerid = 'CU-1277'`): nothing to rewrite.
      return folded === found!.token.text ? [] : [replaceRange(found!.token.start, found!.token.end, folded)];
    });
    if (mixed) {
      const column = columnSpan(tokens, tokenAt(comparison.columnAt));
      if (!column) continue;
      pending.push(insertAt(column.start, "lower("), insertAt(column.end, ")"));
    }
    if (pending.some((edit) => edits.some((other) => edit.start < other.end && other.start < edit.end))) continue;
    edits.push(...pending);
  }
  return translation.withEdits(edits);
}

/** A column reference's extent: names (bare or quoted) joined by dots. */
function columnSpan(tokens: SqlToken[], first: { token: SqlToken; index: number } | undefined): { start: number; end: number } | undefined {
  if (!first || !isName(first.token)) return undefined;
  let index = first.index;
  while (tokens[index + 1]?.text === "." && tokens[index + 2] && isName(tokens[index + 2]!)) index += 2;
  return { start: first.token.start, end: tokens[index]!.end };
}

function isName(token: SqlToken): boolean {
  return token.kind === "word" || token.kind === "quoted";
}

function byteToCharOffsets(text: string): (byteOffset: number) => number {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === text.length) return (byteOffset) => byteOffset;
  return (byteOffset) => bytes.subarray(0, Math.max(0, byteOffset)).toString("utf8").length;
}
