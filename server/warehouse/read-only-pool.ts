import mysql, { type Pool, type PoolConnection } from "mysql2/promise";
import type { ConnectionOptions, Connection as CoreConnection } from "mysql2";
import type { Catalog } from "../../lib/api/catalog";
import type { QueryResult } from "../../lib/api/query";
import { cancelledError, throwIfCancelled } from "../../lib/cancellation";
import { FomoError } from "../../lib/errors";
import { mysqlErrorToFomoError } from "./mysql-error";
import { jsonSafeRows, resultColumns } from "./mysql-result";
import { createQueryKiller } from "./query-killer";
import { checkReadStatement } from "./read-statement-guard";
import { flavourOfVersion, sessionLimitsStatement, type ServerFlavour } from "./session-limits";
import { resetSession } from "./session-reset";
import { streamQuery } from "./stream-query";
import { WAREHOUSE_CATALOG_SQL, catalogFromRows, type CatalogRow } from "./warehouse-catalog";

/**
 * The analyst's way into the warehouse: a mysql2 pool logged in as the READ-ONLY account (its
 * grants are the real barrier), one statement per request, every session under a statement time
 * limit and a row cap, results in the same shape as the Kafka engine's. No session state outlives
 * a request: a connection goes back to the pool only after it was reset (see session-reset.ts).
 * A query whose signal aborts is stopped on the server with KILL QUERY (see query-killer.ts).
 */

/** Host/port or socket, user, password and database of the read-only account. */
export type WarehouseConnectionOptions = Pick<ConnectionOptions, "host" | "port" | "socketPath" | "user" | "password" | "database">;

export interface WarehouseReadOnlyPoolOptions {
  connection: WarehouseConnectionOptions;
  statementTimeoutMs: number;
  /** Rows a result may carry; more sets `truncated` (the engine's cap, config.engine.maxRows). */
  maxRows: number;
  connectionLimit?: number;
}

export interface WarehouseServerInfo {
  flavour: ServerFlavour;
  version: string;
}

/** How one query reads the warehouse. */
export interface WarehouseQueryOptions {
  /**
   * Read the system-versioned tables as they were at this moment (the server's own clock, Unix
   * seconds with microseconds as text): a visitor's frozen warehouse. The pool sets the session's
   * `system_versioning_asof` for this statement only; the reset after it clears it.
   */
  asOfUnixSeconds?: string;
  /** Aborting it stops the statement on the server (KILL QUERY) and fails with `cancelled:query`. */
  signal?: AbortSignal;
}

export interface WarehouseReadOnlyPool {
  /** Aborting `options.signal` stops the statement on the server (KILL QUERY) and fails with `cancelled:query`. */
  query(sql: string, options?: WarehouseQueryOptions): Promise<QueryResult>;
  catalog(): Promise<Catalog>;
  server(): Promise<WarehouseServerInfo>;
  close(): Promise<void>;
}

/** Extra time the driver waits beyond the server-side limit before it gives up on the socket. */
const CLIENT_TIMEOUT_GRACE_MS = 2_000;
/** How long a request waits for its session's cleanup before it answers anyway (the cleanup goes on). */
const CLEANUP_WAIT_MS = 1_000;

function settledWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

export function createWarehouseReadOnlyPool(options: WarehouseReadOnlyPoolOptions): WarehouseReadOnlyPool {
  const { statementTimeoutMs, maxRows } = options;
  const { host, port, socketPath, user, password, database } = options.connection;
  const pool: Pool = mysql.createPool({
    host,
    port,
    socketPath,
    user,
    password,
    database,
    connectionLimit: options.connectionLimit ?? 4,
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: true,
    connectTimeout: 5_000,
    enableKeepAlive: true,
  });
  const killer = createQueryKiller(options.connection);
  const limitedConnections = new WeakSet<object>();
  const resetsUnderWay = new Set<Promise<void>>();
  let serverInfo: Promise<WarehouseServerInfo> | undefined;
  let closed = false;

  const wrap = (error: unknown, sql: string) => mysqlErrorToFomoError(error, sql, statementTimeoutMs);

  async function limitsSql(connection: PoolConnection): Promise<string> {
    if (!serverInfo) {
      serverInfo = connection.query("SELECT VERSION()").then(([rows]) => {
        const version = String((rows as Array<Record<string, unknown>>)[0]?.["VERSION()"] ?? "");
        return { flavour: flavourOfVersion(version), version };
      });
      serverInfo.catch(() => (serverInfo = undefined));
    }
    const { flavour } = await serverInfo;
    return sessionLimitsStatement(flavour, { statementTimeoutMs, selectLimit: maxRows + 1 });
  }

  async function acquire(): Promise<PoolConnection> {
    if (closed) throw new FomoError("unavailable:warehouse", "The warehouse pool is closed");
    const connection = await pool.getConnection();
    try {
      if (!limitedConnections.has(connection.connection)) {
        await connection.query(await limitsSql(connection));
        limitedConnections.add(connection.connection);
      }
      return connection;
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  /**
   * Returns a connection to the pool clean, or not at all. Runs whether the statement succeeded,
   * failed or hit the time limit (a timed-out `SELECT GET_LOCK('x', 1), SLEEP(60)` still holds its
   * lock); a session that cannot be reset is closed, which also ends whatever it held. The request
   * waits for it (about 0.4 ms) before it answers, so nothing a request took is still held when its
   * answer arrives (CI saw a timed-out statement's lock outlive its 1 s error on a busy machine);
   * close() waits for the resets under way.
   */
  function recycle(connection: PoolConnection, kill?: Promise<void>): Promise<void> {
    const reset = (async () => {
      try {
        // A KILL QUERY still on its way must land before the session serves anyone else.
        await kill;
        await resetSession(connection, await limitsSql(connection));
        connection.release();
      } catch {
        connection.destroy();
      }
    })();
    resetsUnderWay.add(reset);
    void reset.finally(() => resetsUnderWay.delete(reset));
    return reset;
  }

  /**
   * A connection that cannot be reset is closed; its server thread may still run the statement
   * (and hold what it took) until it notices, so the statement is killed too.
   */
  function discard(connection: PoolConnection, kill?: Promise<void>): Promise<void> {
    const threadId = connection.threadId;
    connection.destroy();
    return (kill ?? killer.killQuery(threadId)).catch(() => undefined);
  }

  /** A pooled connection, or `cancelled:query` as soon as the signal aborts while the pool is full. */
  async function acquireUnlessCancelled(signal: AbortSignal | undefined): Promise<PoolConnection> {
    throwIfCancelled(signal);
    const pending = acquire();
    if (!signal) return pending;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(cancelledError(signal.reason));
        // The connection comes later, unused and clean: straight back to the pool.
        pending.then(
          (connection) => connection.release(),
          () => undefined,
        );
      };
      signal.addEventListener("abort", onAbort, { once: true });
      pending.then(
        (connection) => {
          signal.removeEventListener("abort", onAbort);
          resolve(connection);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  async function withConnection<T>(sql: string, work: (connection: PoolConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let connection: PoolConnection;
    try {
      connection = await acquireUnlessCancelled(signal);
    } catch (error) {
      throw error instanceof FomoError ? error : wrap(error, sql);
    }
    let kill: Promise<void> | undefined;
    const onAbort = () => {
      kill = killer.killQuery(connection.threadId).catch((error: unknown) => {
        // The statement then runs on until its time limit; the analyst's request still ends now.
        console.error(`[warehouse] KILL QUERY ${connection.threadId} failed`, error);
      });
    };
    try {
      throwIfCancelled(signal);
      signal?.addEventListener("abort", onAbort, { once: true });
      const result = await work(connection);
      // A lone `SELECT SLEEP(60)` answers 1 when killed instead of failing: still a cancelled query.
      throwIfCancelled(signal);
      await settledWithin(recycle(connection, kill), CLEANUP_WAIT_MS);
      return result;
    } catch (error) {
      // A client-side timeout leaves the protocol mid-result and a fatal error leaves no session: neither can be reset.
      const driverError = error as { code?: string; fatal?: boolean };
      const cleanup =
        driverError.fatal || driverError.code === "PROTOCOL_SEQUENCE_TIMEOUT" ? discard(connection, kill) : recycle(connection, kill);
      await settledWithin(cleanup, CLEANUP_WAIT_MS);
      if (signal?.aborted) throw cancelledError(error);
      throw error instanceof FomoError ? error : wrap(error, sql);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    async query(sql, queryOptions = {}) {
      const statement = checkReadStatement(sql);
      const asOf = queryOptions.asOfUnixSeconds;
      if (asOf !== undefined && !/^\d{1,12}(\.\d{1,6})?$/.test(asOf))
        throw new FomoError("bad_request:as_of", `Not a moment in Unix seconds: ${asOf}`);
      const started = performance.now();
      const streamed = await withConnection(
        statement.sql,
        async (connection) => {
          // FROM_UNIXTIME reads the instant in the session's time zone, as system_versioning_asof does.
          if (asOf !== undefined) await connection.query(`SET SESSION system_versioning_asof = FROM_UNIXTIME(${asOf})`);
          return streamQuery(
            connection.connection as unknown as CoreConnection,
            statement.sql,
            maxRows + 1,
            statementTimeoutMs + CLIENT_TIMEOUT_GRACE_MS,
          );
        },
        queryOptions.signal,
      );
      const columns = resultColumns(streamed.fields);
      const truncated = streamed.totalRows > maxRows;
      const rows = jsonSafeRows(truncated ? streamed.rows.slice(0, maxRows) : streamed.rows, columns);
      return {
        columns,
        rows,
        rowCount: rows.length,
        truncated,
        elapsedMs: Math.round((performance.now() - started) * 10) / 10,
        snapshot: null,
      };
    },

    async catalog() {
      return withConnection(WAREHOUSE_CATALOG_SQL, async (connection) => {
        const [[databaseRow]] = (await connection.query({ sql: "SELECT DATABASE()", rowsAsArray: true })) as unknown as [[[string]]];
        const [rows] = (await connection.query({ sql: WAREHOUSE_CATALOG_SQL, rowsAsArray: true })) as unknown as [CatalogRow[]];
        return catalogFromRows(databaseRow?.[0] ?? database ?? "", rows);
      });
    },

    async server() {
      return withConnection("SELECT VERSION()", async () => {
        if (!serverInfo) throw new FomoError("internal:warehouse", "Server version unknown after connecting");
        return serverInfo;
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(resetsUnderWay);
      await killer.close();
      await pool.end();
    },
  };
}
