"use client";

import { create } from "zustand";
import type { Database, QueryResult } from "@/lib/api/query";
import { runQuery, type ClientError } from "./api-client";

export interface RunState {
  status: "running" | "done" | "error";
  database: Database;
  sql: string;
  startedAt: number;
  result?: QueryResult;
  error?: ClientError;
  /** Round trip seen by the browser, beside the server's own elapsedMs. */
  roundTripMs?: number;
  /** When the answer came (epoch ms): a rate limit's retry time counts from here. */
  finishedAt?: number;
}

interface ResultsStore {
  runs: Record<string, RunState>;
  run: (key: string, database: Database, sql: string) => Promise<RunState>;
  clear: (key: string) => void;
}

const controllers = new Map<string, AbortController>();

/** Last run of each pane (`<workspace>:<pane>`). Not persisted: results are always re-run live. */
export const useResults = create<ResultsStore>()((set) => ({
  runs: {},
  run: async (key, database, sql) => {
    controllers.get(key)?.abort();
    const controller = new AbortController();
    controllers.set(key, controller);
    const startedAt = performance.now();
    set((s) => ({ runs: { ...s.runs, [key]: { status: "running", database, sql, startedAt } } }));
    const outcome = await runQuery(database, sql, controller.signal);
    if (controller.signal.aborted) return { status: "error", database, sql, startedAt, error: { code: "cancelled", message: "Replaced by a newer run" } };
    controllers.delete(key);
    const roundTripMs = performance.now() - startedAt;
    const state: RunState = outcome.ok
      ? { status: "done", database, sql, startedAt, result: outcome.value, roundTripMs, finishedAt: Date.now() }
      : { status: "error", database, sql, startedAt, error: outcome.error, roundTripMs, finishedAt: Date.now() };
    set((s) => ({ runs: { ...s.runs, [key]: state } }));
    return state;
  },
  clear: (key) =>
    set((s) => {
      const runs = { ...s.runs };
      delete runs[key];
      return { runs };
    }),
}));

/** Same statement, ignoring case of keywords is not safe; whitespace and a trailing `;` are. */
export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, " ").replace(/;\s*$/, "").trim();
}
