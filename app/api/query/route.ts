import { queryRequestSchema } from "../../../lib/api/query";
import { FomoError } from "../../../lib/errors";
import { loadConfig } from "../../../server/config";
import { queryVisitorOf, visitorOfRequest } from "../../../server/pipeline/request-visitor";
import { errorResponse, jsonResponse, readJsonBody, runCancellable, sharedVisitorQueryRunner } from "../../../server/query/server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST `{ database: "warehouse" | "kafka", sql, queryId? }` → the query result, or `{ error }`.
 * Runs through the visitor's limits and the fair queues; a visitor who stopped the pipeline reads
 * their frozen warehouse. The query leaves its queue or stops on its backend when the client
 * disconnects (request.signal) or when `POST /api/query/cancel { queryId }` names it; either way
 * it answers `cancelled:query`.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = queryRequestSchema.safeParse(await readJsonBody(request));
    if (!body.success) {
      const detail = body.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
      throw new FomoError("bad_request:query", detail, { cause: body.error });
    }
    const { queryId, ...query } = body.data;
    const config = loadConfig();
    const visitor = queryVisitorOf(visitorOfRequest(request, config));
    const runner = sharedVisitorQueryRunner(config);
    return jsonResponse(await runCancellable(queryId, request.signal, (signal) => runner.run(query, visitor, { signal })));
  } catch (error) {
    return errorResponse(error);
  }
}
