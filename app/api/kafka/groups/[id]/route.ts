import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getGroupDetail } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/groups/:id — members, per-partition committed offset and lag, lag over time. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    return jsonResponse(await getGroupDetail((await params).id));
  } catch (error) {
    return errorResponse(error);
  }
}
