import { z } from "zod";
import { errorResponse } from "@/server/explorer/http-responses";
import { openLiveTail } from "@/server/explorer/explorer-api";

export const dynamic = "force-dynamic";

const initialSchema = z.coerce.number().int().min(0).max(200).default(50);

/** GET /api/kafka/topics/:name/tail?initial=50 — Server-Sent Events: `messages`, `skipped`, `heartbeat`. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  try {
    const initial = initialSchema.parse(new URL(request.url).searchParams.get("initial") ?? undefined);
    return await openLiveTail((await params).name, initial, request.signal);
  } catch (error) {
    return errorResponse(error);
  }
}
