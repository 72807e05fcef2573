import { z } from "zod";
import { FomoError, toFomoError } from "../../lib/errors";
import { loadConfig } from "../config";
import { publicErrorBody } from "../security/public-error";

/** JSON error response with the shared `{ error: { code, message } }` body and its status. */
export function errorResponse(error: unknown): Response {
  const fomo =
    error instanceof z.ZodError
      ? new FomoError("bad_request:explorer", error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), {
          cause: error,
        })
      : toFomoError(error);
  // A 4xx is the caller's mistake and says so in the body; a 5xx is ours or Kafka's, and the web
  // log is where an operator looks for why the explorer showed an error.
  if (fomo.httpStatus >= 500) console.error(`explorer: ${fomo.code}: ${fomo.message}${causeChain(fomo.cause)}`);
  return Response.json(publicErrorBody(fomo, loadConfig().hosted.enabled), {
    status: fomo.httpStatus,
    headers: { "cache-control": "no-store" },
  });
}

export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

/** The causes below an error, with the inner errors of an aggregate (a client that asked several brokers). */
function causeChain(cause: unknown): string {
  const parts: string[] = [];
  const visit = (error: unknown, depth: number) => {
    if (!(error instanceof Error) || depth > 4 || parts.length > 12) return;
    const code = (error as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${code}: ${error.message}` : error.message);
    const inner = (error as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const each of inner) visit(each, depth + 1);
    visit(error.cause, depth + 1);
  };
  visit(cause, 0);
  return parts.length > 0 ? ` (caused by: ${parts.join(" <- ")})` : "";
}
