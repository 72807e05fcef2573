import { z } from "zod";
import { cellSchema, type QueryResult } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";

/**
 * Trino's client protocol (`POST /v1/statement`, then `GET nextUri` until there is none), the
 * same one trino-cli and the JDBC driver speak. Answers come back in our QueryResult shape so the
 * project's result comparison can read both sides.
 */

const statementResponseSchema = z.object({
  id: z.string(),
  nextUri: z.string().optional(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  data: z.array(z.array(cellSchema)).optional(),
  stats: z.object({ state: z.string() }),
  error: z
    .object({
      message: z.string(),
      errorName: z.string().optional(),
      errorLocation: z.object({ lineNumber: z.number(), columnNumber: z.number() }).optional(),
    })
    .optional(),
});

export interface TrinoSession {
  url: string;
  catalog: string;
  schema: string;
}

async function fetchStatement(url: string, init: RequestInit, deadline: number): Promise<z.infer<typeof statementResponseSchema>> {
  for (;;) {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())) });
    // 502/503/504: Trino asks the client to try the same URI again.
    if (response.status >= 502 && response.status <= 504 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (!response.ok) {
      throw new FomoError(
        "unavailable:trino",
        `Trino answered ${response.status} to ${init.method ?? "GET"} ${url}: ${await response.text()}`,
      );
    }
    const parsed = statementResponseSchema.safeParse(await response.json());
    if (!parsed.success)
      throw new FomoError("internal:trino", `Trino's answer to ${url} does not match its protocol`, { cause: parsed.error });
    return parsed.data;
  }
}

export async function runTrinoStatement(session: TrinoSession, sql: string, timeoutMs = 300_000): Promise<QueryResult> {
  const startedAt = performance.now();
  const deadline = Date.now() + timeoutMs;
  const headers = { "X-Trino-User": "fomo-check", "X-Trino-Catalog": session.catalog, "X-Trino-Schema": session.schema };
  let page = await fetchStatement(`${session.url}/v1/statement`, { method: "POST", headers, body: sql }, deadline);
  let columns = page.columns;
  const rows: QueryResult["rows"] = [];
  for (;;) {
    columns ??= page.columns;
    if (page.data) rows.push(...page.data);
    if (page.error) {
      const location = page.error.errorLocation;
      throw new FomoError("bad_request:trino", `Trino ${page.error.errorName ?? "error"}: ${page.error.message}`, {
        line: location?.lineNumber,
        column: location?.columnNumber,
      });
    }
    if (!page.nextUri) break;
    if (Date.now() > deadline) throw new FomoError("timeout:trino", `Trino query ${page.id} did not finish within ${timeoutMs} ms`);
    page = await fetchStatement(page.nextUri, { headers }, deadline);
  }
  return {
    columns: columns ?? [],
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: performance.now() - startedAt,
    snapshot: null,
  };
}
