"use client";

import { create } from "zustand";
import type { Database, QueryResult } from "@/lib/api/query";
import { cancelQuery, newQueryId, runQuery, type ClientError } from "./api-client";

export interface RunState {
  status: "running" | "done" | "error" | "cancelled";
  database: Database;
  sql: string;
  startedAt: number;
  /** The id this run was started with: what a cancel names. */
  queryId: string;
  result?: QueryResult;
  error?: ClientError;
  /** Round trip seen by the browser, beside the server's own elapsedMs. */
  roundTripMs?: number;
  /** A cancelled run: how long it had been running when the analyst cancelled it. */
  cancelledAfterMs?: number;
  /**
   * A cancelled run, once the server answered the cancel: how long after it the query had stopped
   * there; null when nothing was running any more (it had just finished). Absent while waiting.
   */
  stoppedInMs?: number | null;
  /** When the answer came (epoch ms): a rate limit's retry time counts from here. */
  finishedAt?: number;
}

interface ResultsStore {
  runs: Record<string, RunState>;
  /** Runs `sql` in the pane `key`; null when a newer run of that pane replaced this one. */
  run: (key: string, database: Database, sql: string) => Promise<RunState | null>;
  /** Cancels the pane's running query: shown as cancelled at once, stopped on the server. */
  cancel: (key: string) => void;
  clear: (key: string) => void;
}

const inflight = new Map<string, { controller: AbortController; queryId: string }>();

/** Last run of each pane (`<workspace>:<pane>`). Not persisted: results are always re-run live. */
export const useResults = create<ResultsStore>()((set, get) => ({
  runs: {},
  run: async (key, database, sql) => {
    // A replaced run's fetch is aborted: the server sees the disconnect and stops that query.
    inflight.get(key)?.controller.abort();
    const controller = new AbortController();
    const queryId = newQueryId();
    inflight.set(key, { controller, queryId });
    const startedAt = performance.now();
    set((s) => ({ runs: { ...s.runs, [key]: { status: "running", database, sql, startedAt, queryId } } }));
    const outcome = await runQuery(database, sql, { signal: controller.signal, queryId });
    const current = get().runs[key];
    if (current?.queryId !== queryId) return null;
    if (current.status === "cancelled") return current;
    inflight.delete(key);
    const roundTripMs = performance.now() - startedAt;
    const state: RunState = outcome.ok
      ? { status: "done", database, sql, startedAt, queryId, result: outcome.value, roundTripMs, finishedAt: Date.now() }
      : { status: "error", database, sql, startedAt, queryId, error: outcome.error, roundTripMs, finishedAt: Date.now() };
    set((s) => ({ runs: { ...s.runs, [key]: state } }));
    return state;
  },
  cancel: (key) => {
    const current = get().runs[key];
    const flight = inflight.get(key);
    if (current?.status !== "running" || flight?.queryId !== current.queryId) return;
    inflight.delete(key);
    const cancelled: RunState = { ...current, status: "cancelled", cancelledAfterMs: performance.now() - current.startedAt };
    set((s) => ({ runs: { ...s.runs, [key]: cancelled } }));
    void cancelQuery(flight.queryId).then((outcome) => {
      // Also drop the request itself: a server that missed the cancel stops the query on the disconnect.
      flight.controller.abort();
      const stoppedInMs = outcome.ok ? outcome.value.stoppedInMs : null;
      set((s) => (s.runs[key]?.queryId === flight.queryId ? { runs: { ...s.runs, [key]: { ...s.runs[key]!, stoppedInMs } } } : s));
    });
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
