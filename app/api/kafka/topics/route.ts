import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getTopicsOverview } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/topics?internal=1 — every topic with counts, size, rate, groups and lag. */
export async function GET(request: Request): Promise<Response> {
  try {
    const internal = new URL(request.url).searchParams.get("internal");
    return jsonResponse(await getTopicsOverview(internal === "1" || internal === "true"));
  } catch (error) {
    return errorResponse(error);
  }
}
