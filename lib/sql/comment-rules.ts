import { FomoError } from "../errors";
import type { SqlToken } from "./mysql-lexer";
import { positionOfOffset } from "./sql-text-position";

/**
 * What both sides refuse before anything else reads a statement. An executable comment
 * (`/*! … *\/`, `/*!50100 … *\/`, `/*M! … *\/`) is code to the server and a comment to every
 * checker, and an optimizer hint (`/*+ MAX_EXECUTION_TIME(…) *\/`) is read by MySQL: either would
 * make the check and the server see different statements. An unterminated block comment is an
 * error on the server; the engine, which drops comments before DuckDB parses, says so itself.
 */
export function refuseUnsafeComments(sql: string, tokens: readonly SqlToken[]): void {
  for (const token of tokens) {
    if (token.kind === "executable_comment") {
      throw new FomoError(
        "sandbox:executable_comment",
        "Executable comments and optimizer hints (/*! … */, /*M! … */, /*+ … */) are not allowed: write the SQL itself",
        positionOfOffset(sql, token.start),
      );
    }
    if (token.kind === "comment" && token.unterminated) {
      throw new FomoError("bad_request:syntax", "Unterminated comment: /* needs a closing */", positionOfOffset(sql, token.start));
    }
  }
}
