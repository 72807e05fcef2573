import { queryRequestSchema } from "../../../lib/api/query";
import { FomoError } from "../../../lib/errors";
import { errorResponse, jsonResponse, readJsonBody, runQuery } from "../../../server/query/server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST `{ database: "warehouse" | "kafka", sql }` → the query result, or `{ error }`. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = queryRequestSchema.safeParse(await readJsonBody(request));
    if (!body.success) {
      const detail = body.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
      throw new FomoError("bad_request:query", detail, { cause: body.error });
    }
    return jsonResponse(await runQuery(body.data));
  } catch (error) {
    return errorResponse(error);
  }
}
