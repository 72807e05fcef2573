import { FomoError, toFomoError } from "../../lib/errors";
import { loadConfig } from "../config";
import { publicErrorBody } from "../security/public-error";

/**
 * What the query and catalog routes answer with: JSON that is never cached, and every failure as
 * `{ error: { code, message, line?, column? } }` with the status its code implies.
 */

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function errorResponse(error: unknown): Response {
  const fomoError = toFomoError(error);
  // Unexpected failures are logged with their cause; the analyst gets the message only.
  if (fomoError.httpStatus >= 500) console.error(`[api] ${fomoError.code}: ${fomoError.message}`, fomoError.cause ?? "");
  const response = jsonResponse(publicErrorBody(fomoError, loadConfig().hosted.enabled), fomoError.httpStatus);
  // RFC 9110 wants whole seconds; round up so a client that waits that long is let in.
  if (fomoError.retryAfterMs !== undefined)
    response.headers.set("retry-after", String(Math.max(1, Math.ceil(fomoError.retryAfterMs / 1000))));
  return response;
}

export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch (cause) {
    throw new FomoError("bad_request:json", "The request body is not valid JSON", { cause });
  }
}
