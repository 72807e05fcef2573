import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getTopicDetail } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/topics/:name — partitions with log start and high watermark, groups with lag. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  try {
    return jsonResponse(await getTopicDetail((await params).name));
  } catch (error) {
    return errorResponse(error);
  }
}
