import type { AstNode } from "./analyze-statement";

/**
 * MySQL divides exact numbers (integers, DECIMAL) exactly: `a / b` is a DECIMAL with the dividend's
 * scale + 4 (div_precision_increment) digits, and AVG of exact numbers likewise, so `COUNT(*) / 7000`
 * shows 0.4286 and `COUNT(*) / 7000 * 100` 42.8571; DuckDB divides in double precision (0.428571…).
 * Rounding each division would get the second one wrong (MySQL keeps more digits inside an
 * expression and rounds what it returns), so the engine rounds what it returns: this works out, per
 * result column of the outermost SELECT, whether MySQL's value is an exact number that went through
 * a division or an average, and with how many decimals MySQL shows it — following MySQL's rules
 * (`*` adds scales, `+`/`-`/CASE/COALESCE take the largest, SUM/MIN/MAX keep it, ROUND(x, d) sets it)
 * through the select lists of subqueries and CTEs down to the topics' column types. Anything it does
 * not know (a DOUBLE column, a function it does not model) leaves the column as DuckDB computed it.
 */

/** An exact number: its scale in MySQL, and whether a division or an average produced it. */
interface Exact {
  scale: number;
  divided: boolean;
}

/** DuckDB type of a topic's column, by table and lower-cased column name. */
export type TableColumnTypes = (table: string) => ReadonlyMap<string, string> | undefined;

type Scope = ReadonlyMap<string, Exact | null>;

/** Per result column: the decimals MySQL would show, when the engine must round to them. */
export function mysqlDivisionScales(root: AstNode, tableColumns: TableColumnTypes): (number | undefined)[] | undefined {
  if (root.type !== "SELECT_NODE" || !Array.isArray(root.select_list)) return undefined;
  const ctes = new Map<string, AstNode>();
  const scope = scopeOf(root, ctes, tableColumns);
  return (root.select_list as AstNode[]).map((item) => {
    const exact = infer(item, scope, ctes, tableColumns);
    return exact?.divided ? exact.scale : undefined;
  });
}

/** Rounds a returned number to `scale` decimals, half away from zero (as MySQL rounds a DECIMAL). */
export function roundToScale(value: number, scale: number): number {
  return Number(value.toFixed(Math.min(scale, 100)));
}

const EXACT_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
  "BOOLEAN",
]);

function exactOfType(type: string | undefined): Exact | null {
  if (type === undefined) return null;
  const decimal = /^DECIMAL\(\d+,\s*(\d+)\)$/i.exec(type);
  if (decimal) return { scale: Number(decimal[1]), divided: false };
  return EXACT_TYPES.has(type.toUpperCase()) ? { scale: 0, divided: false } : null;
}

function scopeOf(node: AstNode, ctes: Map<string, AstNode>, tableColumns: TableColumnTypes): Scope {
  const cteMap = (node.cte_map as { map?: { key: string; value: { query?: { node?: AstNode } } }[] } | undefined)?.map ?? [];
  for (const entry of cteMap) if (entry.value.query?.node) ctes.set(entry.key.toLowerCase(), entry.value.query.node);
  const scope = new Map<string, Exact | null>();
  addTableRef(scope, node.from_table as AstNode | undefined, ctes, tableColumns);
  return scope;
}

function addTableRef(
  scope: Map<string, Exact | null>,
  ref: AstNode | undefined,
  ctes: Map<string, AstNode>,
  tableColumns: TableColumnTypes,
): void {
  if (!ref) return;
  let columns: ReadonlyMap<string, Exact | null> = new Map();
  if (ref.type === "JOIN") {
    addTableRef(scope, ref.left as AstNode, ctes, tableColumns);
    addTableRef(scope, ref.right as AstNode, ctes, tableColumns);
    return;
  }
  if (ref.type === "BASE_TABLE") {
    const name = String(ref.table_name).toLowerCase();
    const cte = ctes.get(name);
    if (cte) columns = columnsOf(cte, ctes, tableColumns);
    else
      columns = new Map(
        [...(tableColumns(String(ref.table_name)) ?? new Map<string, string>())].map(([column, type]) => [column, exactOfType(type)]),
      );
  } else if (ref.type === "SUBQUERY") {
    const subquery = (ref.subquery as { node?: AstNode } | undefined)?.node;
    if (subquery) columns = columnsOf(subquery, ctes, tableColumns);
  }
  for (const [column, exact] of columns) {
    // A name two tables share is only known when both agree.
    if (scope.has(column) && JSON.stringify(scope.get(column)) !== JSON.stringify(exact)) scope.set(column, null);
    else scope.set(column, exact);
  }
}

function columnsOf(node: AstNode, ctes: Map<string, AstNode>, tableColumns: TableColumnTypes): ReadonlyMap<string, Exact | null> {
  if (node.type !== "SELECT_NODE" || !Array.isArray(node.select_list)) return new Map();
  const scope = scopeOf(node, new Map(ctes), tableColumns);
  const columns = new Map<string, Exact | null>();
  for (const item of node.select_list as AstNode[]) {
    if (item.class === "STAR") {
      for (const [column, exact] of scope) columns.set(column, exact);
      continue;
    }
    const name = item.alias ? String(item.alias) : item.class === "COLUMN_REF" ? String((item.column_names as string[]).at(-1)) : undefined;
    if (name) columns.set(name.toLowerCase(), infer(item, scope, ctes, tableColumns));
  }
  return columns;
}

function infer(node: AstNode | null | undefined, scope: Scope, ctes: Map<string, AstNode>, tableColumns: TableColumnTypes): Exact | null {
  if (!node) return null;
  const recurse = (child: unknown) => infer(child as AstNode, scope, ctes, tableColumns);
  switch (node.class) {
    case "CONSTANT":
      return constantExact(node);
    case "COLUMN_REF":
      return scope.get(String((node.column_names as string[]).at(-1)).toLowerCase()) ?? null;
    case "CAST": {
      const type = node.cast_type as { id: string; type_info?: { scale?: number } | null };
      if (type.id === "DECIMAL") return { scale: type.type_info?.scale ?? 0, divided: false };
      return exactOfType(type.id);
    }
    case "CASE": {
      const checks = (node.case_checks as { then_expr: AstNode }[]).map((check) => check.then_expr);
      return widest([...checks, node.else_expr].filter((expression) => !isNullConstant(expression as AstNode)).map(recurse));
    }
    case "OPERATOR":
      // NOT, IS NULL, IN …: 1 or 0 in MySQL, like every comparison.
      return node.type === "OPERATOR_COALESCE" ? widest(((node.children as AstNode[]) ?? []).map(recurse)) : { scale: 0, divided: false };
    case "COMPARISON":
    case "CONJUNCTION":
    case "BETWEEN":
      return { scale: 0, divided: false };
    case "SUBQUERY": {
      const subquery = (node.subquery as { node?: AstNode } | undefined)?.node;
      if (subquery?.type !== "SELECT_NODE" || !Array.isArray(subquery.select_list) || subquery.select_list.length !== 1) return null;
      return infer(subquery.select_list[0] as AstNode, scopeOf(subquery, new Map(ctes), tableColumns), ctes, tableColumns);
    }
    case "FUNCTION":
    case "WINDOW":
    case "AGGREGATE":
      return functionExact(
        String(node.function_name).toLowerCase(),
        ((node.children as AstNode[]) ?? []).map(recurse),
        node.children as AstNode[],
      );
    default:
      return null;
  }
}

function functionExact(name: string, args: (Exact | null)[], children: AstNode[]): Exact | null {
  const [a, b] = args;
  const all = args.length > 0 && args.every((arg) => arg !== null);
  switch (name) {
    case "/":
      return a && b ? { scale: a.scale + 4, divided: true } : null;
    case "*":
      return a && b ? { scale: a.scale + b.scale, divided: a.divided || b.divided } : null;
    case "+":
    case "-":
    case "%":
    case "mod":
      return args.length === 1 ? (a ?? null) : all ? widest(args) : null;
    case "//":
    case "count":
    case "count_star":
    case "row_number":
    case "rank":
    case "dense_rank":
    case "ntile":
    case "sign":
      return { scale: 0, divided: false };
    case "sum":
    case "min":
    case "max":
    case "first":
    case "any_value":
    case "abs":
    case "lag":
    case "lead":
    case "first_value":
    case "last_value":
      return a ?? null;
    case "avg":
    case "mysql_avg":
      return a ? { scale: a.scale + 4, divided: true } : null;
    case "floor":
    case "ceil":
    case "ceiling":
      return a ? { scale: 0, divided: false } : null;
    case "round":
    case "mysql_round":
    case "truncate":
    case "trunc": {
      if (!a) return null;
      const digits = children[1] === undefined ? 0 : constantInteger(children[1]);
      return digits === undefined ? null : { scale: Math.max(0, digits), divided: false };
    }
    case "coalesce":
    case "ifnull":
    case "greatest":
    case "least":
    case "mysql_greatest":
    case "mysql_least":
      return all ? widest(args) : null;
    case "if":
      return args.length === 3 ? widest(args.slice(1)) : null;
    default:
      return null;
  }
}

function widest(args: (Exact | null)[]): Exact | null {
  if (args.length === 0 || args.some((arg) => arg === null)) return null;
  const exact = args as Exact[];
  return { scale: Math.max(...exact.map((arg) => arg.scale)), divided: exact.some((arg) => arg.divided) };
}

function constantExact(node: AstNode): Exact | null {
  const value = node.value as { type: { id: string; type_info?: { scale?: number } | null }; is_null?: boolean };
  if (value.type.id === "DECIMAL") return { scale: value.type.type_info?.scale ?? 0, divided: false };
  if (value.type.id === "NULL" || value.is_null) return { scale: 0, divided: false };
  return exactOfType(value.type.id);
}

function isNullConstant(node: AstNode | null | undefined): boolean {
  return node?.class === "CONSTANT" && Boolean((node.value as { is_null?: boolean }).is_null);
}

function constantInteger(node: AstNode): number | undefined {
  if (node.class === "FUNCTION" && node.function_name === "-" && Array.isArray(node.children) && node.children.length === 1) {
    const inner = constantInteger(node.children[0] as AstNode);
    return inner === undefined ? undefined : -inner;
  }
  const value = (node.value as { value?: unknown } | undefined)?.value;
  return node.class === "CONSTANT" && typeof value === "number" && Number.isInteger(value) ? value : undefined;
}
