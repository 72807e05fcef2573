import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getSubjectDetail } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/schemas/:subject — the subject's versions with their schema text, and its compatibility level. */
export async function GET(_request: Request, { params }: { params: Promise<{ subject: string }> }): Promise<Response> {
  try {
    return jsonResponse(await getSubjectDetail((await params).subject));
  } catch (error) {
    return errorResponse(error);
  }
}
