import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { RegistryError, registryErrors } from "../registry-error";
import type { SchemaRegistry } from "../schema-registry";
import { basicAuthMatches, type BasicCredentials } from "./basic-auth";
import { REGISTRY_ROUTES, type RouteResult } from "./registry-routes";

export const REGISTRY_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
/** Schemas are small; this only stops a runaway upload from filling memory. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface RegistryHttpServer {
  url: string;
  close(): Promise<void>;
}

export interface RegistryHttpOptions {
  host: string;
  port: number;
  /** When set, every request needs these HTTP Basic credentials (40101 otherwise). */
  auth: BasicCredentials | undefined;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw registryErrors.badRequest(`Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw registryErrors.badRequest(`Request body is not JSON: ${(cause as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, result: RouteResult): void {
  const body = "json" in result ? JSON.stringify(result.json) : result.text;
  response.writeHead(status, { "content-type": "json" in result ? REGISTRY_CONTENT_TYPE : "text/plain; charset=utf-8" });
  response.end(body);
}

async function handle(registry: SchemaRegistry, options: RegistryHttpOptions, request: IncomingMessage): Promise<RouteResult> {
  if (options.auth && !basicAuthMatches(request.headers.authorization, options.auth)) throw registryErrors.unauthorized();
  const url = new URL(request.url ?? "/", "http://registry");
  const path = url.pathname.replace(/\/+$/, "");
  for (const route of REGISTRY_ROUTES) {
    if (route.method !== request.method) continue;
    const match = route.path.exec(path);
    if (!match) continue;
    const params = match.slice(1).map((segment) => decodeURIComponent(segment));
    const body = request.method === "POST" || request.method === "PUT" ? await readJsonBody(request) : undefined;
    return route.handle(registry, { params, query: url.searchParams, body });
  }
  throw registryErrors.routeNotFound();
}

/** Serves the Confluent REST API of `registry` over HTTP; errors come back as `{ error_code, message }`. */
export async function startRegistryHttpServer(registry: SchemaRegistry, options: RegistryHttpOptions): Promise<RegistryHttpServer> {
  const server = createServer((request, response) => {
    handle(registry, options, request).then(
      (result) => send(response, 200, result),
      (error: unknown) => {
        const known = error instanceof RegistryError ? error : undefined;
        const status = known?.status ?? 500;
        const body = known?.toRegistryBody() ?? { error_code: 500, message: `Internal error: ${(error as Error).message}` };
        if (status === 401) response.setHeader("www-authenticate", 'Basic realm="schema-registry"');
        send(response, status, { json: body });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
