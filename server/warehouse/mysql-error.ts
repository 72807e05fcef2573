import { FomoError, type ErrorCode } from "../../lib/errors";

/**
 * Turns a mysql2 error into a FomoError the analyst can read: the server's own message, prefixed
 * the way the mysql client prints it (`ERROR 1146 (42S02): Table 'fomo.requestlog' doesn't exist`)
 * so the errno survives, a code by kind, and the line (and a best-effort column) of syntax errors.
 */

interface MysqlDriverError {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  message?: string;
  fatal?: boolean;
}

const CODE_BY_ERRNO: Record<number, ErrorCode> = {
  1146: "bad_request:no_such_table",
  1054: "bad_request:no_such_column",
  1049: "bad_request:no_such_database",
  1064: "bad_request:syntax",
  1149: "bad_request:syntax",
  1305: "bad_request:no_such_function",
  1044: "sandbox:permission_denied",
  1142: "sandbox:permission_denied",
  1143: "sandbox:permission_denied",
  1227: "sandbox:permission_denied",
  1370: "sandbox:permission_denied",
  1045: "unavailable:warehouse_login",
  // MariaDB max_statement_time, MySQL max_execution_time, and KILL QUERY.
  1969: "timeout:query",
  3024: "timeout:query",
  1317: "timeout:query",
  1040: "unavailable:warehouse",
  1053: "unavailable:warehouse",
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "POOL_CLOSED",
]);

function asDriverError(value: unknown): MysqlDriverError {
  return typeof value === "object" && value !== null ? (value as MysqlDriverError) : { message: String(value) };
}

/** 1-based column of a syntax error, from MySQL's "near '<rest of the text>' at line N". */
function columnOfSyntaxError(sql: string, message: string, line: number): number | undefined {
  const near = /near '([\s\S]*)' at line \d+$/.exec(message)?.[1];
  if (near === undefined) return undefined;
  const lines = sql.split("\n");
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  if (near === "") return text.length + 1;
  const probe = near.split("\n")[0]?.slice(0, 40) ?? "";
  const found = probe === "" ? -1 : text.indexOf(probe);
  return found === -1 ? undefined : found + 1;
}

export function mysqlErrorToFomoError(error: unknown, sql: string, statementTimeoutMs: number): FomoError {
  const driverError = asDriverError(error);
  const serverMessage = driverError.sqlMessage ?? driverError.message ?? "Unknown warehouse error";

  if (driverError.code === "PROTOCOL_SEQUENCE_TIMEOUT") {
    return new FomoError("timeout:query", `The warehouse query was stopped after ${statementTimeoutMs} ms`, { cause: error });
  }
  if (driverError.code && NETWORK_CODES.has(driverError.code)) {
    return new FomoError("unavailable:warehouse", `The warehouse cannot be reached (${driverError.code}): ${serverMessage}`, {
      cause: error,
      canRetry: true,
    });
  }
  if (driverError.errno === undefined || driverError.sqlState === undefined) {
    return new FomoError("internal:warehouse", serverMessage, { cause: error });
  }

  const code = CODE_BY_ERRNO[driverError.errno] ?? "bad_request:query";
  const message = `ERROR ${driverError.errno} (${driverError.sqlState}): ${serverMessage}`;
  const lineText = /at line (\d+)$/.exec(serverMessage)?.[1];
  const line = lineText === undefined ? undefined : Number(lineText);
  const column = line === undefined ? undefined : columnOfSyntaxError(sql, serverMessage, line);
  return new FomoError(code, message, {
    cause: error,
    line,
    column,
    canRetry: code.startsWith("unavailable:") || code === "timeout:query",
  });
}
