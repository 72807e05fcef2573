import http from "node:http";
import { z } from "zod";
import { FomoError, toFomoError } from "../../../lib/errors";
import type { ChildServiceHost } from "../children/child-service-host";
import { CHILD_SERVICE_NAMES, SERVICE_NAMES, type ChildServiceName } from "../service-names";
import type { StackStatusBoard } from "./stack-status-board";

const MAX_BODY_BYTES = 64 * 1024;
const commandArgsSchema = z.record(z.string(), z.unknown());
const COMMAND_ROUTE = /^\/services\/([a-z]+)\/commands\/([A-Za-z][A-Za-z0-9_-]*)$/;

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(text);
}

async function readJsonObject(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new FomoError("bad_request:body", `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new FomoError("bad_request:body", "the body is not JSON", { cause });
  }
  const parsed = commandArgsSchema.safeParse(value);
  if (!parsed.success) throw new FomoError("bad_request:body", "the body must be a JSON object of command arguments");
  return parsed.data;
}

function childOf(children: Map<ChildServiceName, ChildServiceHost>, name: string): ChildServiceHost {
  if (!(CHILD_SERVICE_NAMES as readonly string[]).includes(name)) {
    const known = (SERVICE_NAMES as readonly string[]).includes(name);
    throw new FomoError("not_found:service", known ? `${name} takes no commands` : `no service named '${name}'`);
  }
  const child = children.get(name as ChildServiceName);
  if (!child) throw new FomoError("unavailable:service", `${name} has not started yet`, { canRetry: true });
  return child;
}

/**
 * The supervisor's control API (loopback HTTP): `GET /status` and
 * `POST /services/:name/commands/:command` forwarded to the child over IPC.
 */
export function startControlServer(options: { host: string; port: number; board: StackStatusBoard }): Promise<{ close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://control");
    const handle = async () => {
      if (request.method === "GET" && url.pathname === "/status") {
        sendJson(response, 200, await options.board.collect());
        return;
      }
      const command = COMMAND_ROUTE.exec(url.pathname);
      if (command && request.method === "POST") {
        const [, service = "", name = ""] = command;
        const args = await readJsonObject(request);
        const result = await childOf(options.board.children, service).command(name, args);
        sendJson(response, 200, { ok: true, result: result ?? null });
        return;
      }
      throw new FomoError("not_found:route", `no route ${request.method} ${url.pathname}`);
    };
    handle().catch((error: unknown) => {
      const wrapped = toFomoError(error);
      if (!response.headersSent) sendJson(response, wrapped.httpStatus, wrapped.toResponseBody());
    });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", (cause) =>
      reject(
        new FomoError(
          "stack:port_in_use",
          `The control API could not listen on ${options.host}:${options.port}: ${cause.message}. Set CONTROL_PORT to a free port.`,
          { cause },
        ),
      ),
    );
    server.listen(options.port, options.host, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
