import { errorResponse, jsonResponse } from "@/server/explorer/http-responses";
import { getSubjectsOverview } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

/** GET /api/kafka/schemas — the Schema Registry's subjects with their latest version, id and type. */
export async function GET(): Promise<Response> {
  try {
    return jsonResponse(await getSubjectsOverview());
  } catch (error) {
    return errorResponse(error);
  }
}
