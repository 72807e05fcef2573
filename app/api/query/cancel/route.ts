import { cancelRequestSchema } from "../../../../lib/api/query";
import { FomoError } from "../../../../lib/errors";
import { cancelQuery, errorResponse, jsonResponse, readJsonBody } from "../../../../server/query/server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST `{ queryId }` → `{ queryId, cancelled: true, stoppedInMs }` once that run has stopped; 404 if none runs. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = cancelRequestSchema.safeParse(await readJsonBody(request));
    if (!body.success) {
      throw new FomoError("bad_request:cancel", body.error.issues.map((issue) => issue.message).join("; "), { cause: body.error });
    }
    return jsonResponse(await cancelQuery(body.data.queryId));
  } catch (error) {
    return errorResponse(error);
  }
}
