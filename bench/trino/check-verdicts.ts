import type { QueryResult } from "../../lib/api/query";
import { compareResults, type ResultLabels } from "../../server/query/equality/compare-results";

/** One comparison of two answers to the same question. */
export type Verdict = { outcome: "match" } | { outcome: "differs"; detail: string } | { outcome: "not compared"; reason: string };

export type Answer = { ok: true; result: QueryResult } | { ok: false; error: string };

export async function answer(work: () => Promise<QueryResult>): Promise<Answer> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Same columns, same rows (numbers within 1e-6 relative, i.e. to the cent on these totals), in order when `ordered`. */
export function verdictOf(left: Answer, right: Answer, ordered: boolean, labels: ResultLabels): Verdict {
  if (!left.ok) return { outcome: "not compared", reason: `${labels.left} did not answer: ${left.error}` };
  if (!right.ok) return { outcome: "not compared", reason: `${labels.right} did not answer: ${right.error}` };
  const difference = compareResults(left.result, right.result, ordered, labels);
  return difference ? { outcome: "differs", detail: difference.detail } : { outcome: "match" };
}

export interface QueryCheck {
  name: string;
  /** The SQL the engine ran (the check's text as written). */
  engineSql: string;
  /** The SQL Trino ran: the same text, on the engine's snapshot offsets when the engine answered. */
  trinoSql: string;
  trino: Answer;
  engine: Answer | undefined;
  /** Trino vs the values this run produced (only with --produce). */
  trinoVsProduced: Verdict | undefined;
  trinoVsEngine: Verdict;
}

export interface CliCheck {
  command: string;
  answer: Answer;
  /** trino-cli's rows vs the same query over the HTTP protocol. */
  vsHttp: Verdict;
}

/**
 * 0: Trino answered everything (as produced, when this run produced; its decimal decoding held
 * to known values when it was needed) and the engine agrees on every query; 1: some answer differs or Trino failed; 3: Trino is proven but the engine could not
 * be compared (it cannot answer yet): reported, never counted as agreement.
 */
export function exitCodeOf(checks: QueryCheck[], cli: CliCheck | undefined, decimalDecoding: Verdict | undefined): number {
  const trinoFailed =
    checks.some((check) => !check.trino.ok || (check.trinoVsProduced !== undefined && check.trinoVsProduced.outcome !== "match")) ||
    (decimalDecoding !== undefined && decimalDecoding.outcome !== "match");
  const differs = checks.some((check) => check.trinoVsEngine.outcome === "differs") || cli?.vsHttp.outcome === "differs";
  if (trinoFailed || differs) return 1;
  return checks.every((check) => check.trinoVsEngine.outcome === "match") ? 0 : 3;
}
