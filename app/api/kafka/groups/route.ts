import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getGroupsOverview } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/groups — every consumer group with state, members, topics and total lag. */
export async function GET(): Promise<Response> {
  try {
    return jsonResponse(await getGroupsOverview());
  } catch (error) {
    return errorResponse(error);
  }
}
