import { z } from "zod";
import { FomoError, toFomoError } from "../../lib/errors";

/** JSON error response with the shared `{ error: { code, message } }` body and its status. */
export function errorResponse(error: unknown): Response {
  const fomo =
    error instanceof z.ZodError
      ? new FomoError("bad_request:explorer", error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), {
          cause: error,
        })
      : toFomoError(error);
  return Response.json(fomo.toResponseBody(), {
    status: fomo.httpStatus,
    headers: { "cache-control": "no-store" },
  });
}

export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
