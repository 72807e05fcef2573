import { FomoError } from "../../../lib/errors";
import type { SqlToken } from "../../../lib/sql/mysql-lexer";
import { positionOfOffset } from "../../../lib/sql/sql-text-position";

/**
 * Refuses MySQL's user and system variables (`@x`, `@x := 1`, `@@version`, `@@session.x`). The
 * engine keeps no session state, and DuckDB would read `@` as its absolute-value operator
 * (`@amount` is abs(amount), where MySQL says NULL), so any answer would be wrong.
 */
export function refuseVariables(sql: string, tokens: readonly SqlToken[]): void {
  const variable = tokens.find((token) => token.kind === "word" && token.text.startsWith("@"));
  if (!variable) return;
  throw new FomoError(
    "sandbox:forbidden_variable",
    `Variables (${variable.text.startsWith("@@") ? "@@system" : "@user"} variables) are not available on Kafka: each query stands alone`,
    positionOfOffset(sql, variable.start),
  );
}
