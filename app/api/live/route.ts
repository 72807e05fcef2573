import { errorResponse } from "../../../server/query/server-api";
import { openLiveStream } from "../../../server/live/live-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/live — text/event-stream of the live figures (`hello`, then `status`, `counts`,
 * `topCustomers`, `datasets`, `deviceMix`, each a LiveFrame), computed once per interval for
 * every open page; a comment line every 15 s.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    return await openLiveStream(request);
  } catch (error) {
    const response = errorResponse(error);
    // Over the visitor's cap of open pages: when to try again (a tab may close by then).
    if (response.status === 429) response.headers.set("retry-after", "10");
    return response;
  }
}
