import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { engineQueryRequestSchema } from "../../../lib/api/query";
import { FomoError, toFomoError } from "../../../lib/errors";
import type { KafkaSqlEngine } from "../kafka-sql-engine";

/** Largest request body accepted (the SQL text is capped at 100k characters by the schema). */
const MAX_BODY_BYTES = 512 * 1024;

export interface EngineHttpServer {
  /** The port actually bound (useful with port 0 in tests). */
  port: number;
  close(): Promise<void>;
}

/**
 * The engine's HTTP API: `POST /v1/query` `{ sql }`, `GET /v1/catalog[?all=1]`, `GET /v1/health`.
 * Errors answer `{ error: { code, message, line?, column? } }` with the code's HTTP status.
 * A client that disconnects before its answer cancels its query: the web app aborts its fetch when
 * the analyst presses Cancel, and the engine then interrupts DuckDB and frees the query's slot.
 */
export async function startEngineHttpServer(
  engine: KafkaSqlEngine,
  { host, port }: { host: string; port: number },
): Promise<EngineHttpServer> {
  const server = createServer((request, response) => {
    handle(engine, request, response).catch((error: unknown) => sendError(response, toFomoError(error)));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (cause) => reject(new FomoError("stack:port_in_use", `The engine cannot listen on ${host}:${port}`, { cause })));
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(engine: KafkaSqlEngine, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://engine.local");
  const route = `${request.method} ${url.pathname}`;
  switch (route) {
    case "POST /v1/query": {
      const body = await readJsonBody(request);
      const parsed = engineQueryRequestSchema.safeParse(body);
      if (!parsed.success) {
        throw new FomoError("bad_request:body", parsed.error.issues.map((issue) => issue.message).join("; "));
      }
      sendJson(response, 200, await engine.query(parsed.data.sql, { signal: disconnectSignal(response) }));
      return;
    }
    case "GET /v1/catalog": {
      const all = ["1", "true", "yes"].includes(url.searchParams.get("all") ?? "");
      sendJson(response, 200, await engine.catalog({ all }));
      return;
    }
    case "GET /v1/health": {
      const health = await engine.health();
      sendJson(response, health.healthy ? 200 : 503, health);
      return;
    }
    default:
      throw new FomoError("not_found:route", `No route ${route}`);
  }
}

/** Aborts when the connection closes before the response was sent (the client went away). */
function disconnectSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) controller.abort(new FomoError("cancelled:query", "The client disconnected"));
  });
  return controller.signal;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new FomoError("bad_request:body_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (cause) {
    throw new FomoError("bad_request:body", "The request body is not valid JSON", { cause });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // A cancelled query's client is gone: there is no one to answer.
  if (response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function sendError(response: ServerResponse, error: FomoError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, error.httpStatus, error.toResponseBody());
}
