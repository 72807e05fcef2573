import { catalogRequestSchema } from "../../../lib/api/catalog";
import { FomoError } from "../../../lib/errors";
import { errorResponse, jsonResponse, loadCatalog } from "../../../server/query/server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET `?database=warehouse|kafka` → the tables and columns an analyst can query there. */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = catalogRequestSchema.safeParse({ database: new URL(request.url).searchParams.get("database") ?? undefined });
    if (!params.success) {
      throw new FomoError("bad_request:catalog", "Query parameter 'database' must be 'warehouse' or 'kafka'", { cause: params.error });
    }
    return jsonResponse(await loadCatalog(params.data.database));
  } catch (error) {
    return errorResponse(error);
  }
}
