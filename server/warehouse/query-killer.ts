import mysql, { type Connection } from "mysql2/promise";
import { FomoError } from "../../lib/errors";
import type { WarehouseConnectionOptions } from "./read-only-pool";

/**
 * Stops a statement running on another session of the same account: `KILL QUERY <thread id>`
 * sent on a connection of its own. MariaDB and MySQL let any account kill its own sessions'
 * statements without PROCESS or SUPER, so the read-only account needs no extra grant; it cannot
 * touch another account's sessions. The thread id comes from the driver (the session we lent to
 * the query), never from the analyst. One connection, opened on first use and re-opened after a
 * failure, so a cancel does not wait for a free pooled connection behind the busy ones.
 */
export interface QueryKiller {
  /** Resolves once the server accepted the kill (the killed statement then fails with errno 1317). */
  killQuery(threadId: number): Promise<void>;
  close(): Promise<void>;
}

export function createQueryKiller(connection: WarehouseConnectionOptions): QueryKiller {
  let opened: Promise<Connection> | undefined;
  let closed = false;

  function open(): Promise<Connection> {
    opened ??= mysql.createConnection({ ...connection, multipleStatements: false, connectTimeout: 5_000 });
    opened.catch(() => (opened = undefined));
    return opened;
  }

  async function killOnce(threadId: number): Promise<void> {
    const killer = await open();
    try {
      await killer.query(`KILL QUERY ${threadId}`);
    } catch (error) {
      // ER_NO_SUCH_THREAD: the session ended meanwhile, so nothing runs any more.
      if ((error as { errno?: number }).errno === 1094) return;
      opened = undefined;
      killer.destroy();
      throw error;
    }
  }

  return {
    async killQuery(threadId) {
      if (closed) throw new FomoError("unavailable:warehouse", "The warehouse pool is closed");
      if (!Number.isSafeInteger(threadId) || threadId <= 0) throw new FomoError("internal:warehouse", `Not a session id: ${threadId}`);
      try {
        await killOnce(threadId);
      } catch {
        // A killer connection that went stale (server restarted, idle timeout) gets one fresh try.
        await killOnce(threadId);
      }
    },
    async close() {
      closed = true;
      const current = opened;
      opened = undefined;
      await current?.then((c) => c.end()).catch(() => undefined);
    },
  };
}
