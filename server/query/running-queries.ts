import type { QueryId } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";

/**
 * The web app's runs that can be cancelled, by the id their caller drew. Holding the id is the
 * only way to cancel a run: ids are 128 random bits, never listed or echoed to anyone else, and an
 * entry lives only while its run does. Kept on globalThis because Next bundles the query route and
 * the cancel route separately (and re-evaluates modules on every edit in dev): they must share it.
 */

interface RunningQuery {
  controller: AbortController;
  /** Settles when the run has ended on its backend, whatever the outcome. */
  ended: Promise<void>;
}

const REGISTRY_KEY = Symbol.for("fomo.query.running");
type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: Map<QueryId, RunningQuery> };

function registry(): Map<QueryId, RunningQuery> {
  const holder = globalThis as GlobalWithRegistry;
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/** How long a cancel waits for its run to end before it answers anyway. */
const STOP_WAIT_MS = 5_000;

/**
 * Runs `work` with a signal that aborts when `parent` does (the HTTP client went away) or when
 * `cancelQuery(queryId)` is called. Without a queryId the run cannot be cancelled by id.
 */
export async function runCancellable<T>(
  queryId: QueryId | undefined,
  parent: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  const runs = registry();
  if (queryId !== undefined && runs.has(queryId)) {
    parent?.removeEventListener("abort", onParentAbort);
    throw new FomoError("bad_request:query_id_in_use", "A query with this queryId is already running; draw a new id per run");
  }
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  if (queryId !== undefined) runs.set(queryId, { controller, ended });
  try {
    return await work(controller.signal);
  } finally {
    markEnded();
    parent?.removeEventListener("abort", onParentAbort);
    if (queryId !== undefined && runs.get(queryId)?.controller === controller) runs.delete(queryId);
  }
}

/**
 * Cancels the run with this id and waits (a few seconds at most) until it has ended on its
 * backend; `stoppedInMs` is that wait. A run that is not running (finished, never started, or
 * someone else's id that no one holds) is `not_found:query`.
 */
export async function cancelQuery(queryId: QueryId): Promise<{ queryId: QueryId; cancelled: true; stoppedInMs: number }> {
  const run = registry().get(queryId);
  if (!run) throw new FomoError("not_found:query", "No running query has this id (it may have finished already)");
  const started = performance.now();
  run.controller.abort(new FomoError("cancelled:query", "Cancelled by the analyst"));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([run.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
  clearTimeout(timer);
  return { queryId, cancelled: true, stoppedInMs: Math.round((performance.now() - started) * 10) / 10 };
}
