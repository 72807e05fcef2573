import { FomoError } from "@/lib/errors";
import { errorResponse } from "@/server/explorer/http-responses";
import { openSearch } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/**
 * POST /api/kafka/topics/:name/search with `{ field, text, start, maxMessages }` — Server-Sent
 * Events: `progress`, `matches`, `done` or `error`. Closing the request cancels the search.
 */
export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  try {
    const body: unknown = await request.json().catch((cause: unknown) => {
      throw new FomoError("bad_request:explorer", "The search request body must be JSON", { cause });
    });
    return await openSearch((await params).name, body, request.signal);
  } catch (error) {
    return errorResponse(error);
  }
}
