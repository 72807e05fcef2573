import { z } from "zod";
import { stackStatusSchema, type StackStatus } from "../../lib/api/status";
import { FomoError, type ErrorCode } from "../../lib/errors";
import type { FomoConfig } from "../config";

/** How the web app (route handlers) talks to the stack supervisor's control API. */
export interface ControlClient {
  status(): Promise<StackStatus>;
  command(service: string, command: string, args?: Record<string, unknown>): Promise<unknown>;
}

const commandReplySchema = z.object({ ok: z.literal(true), result: z.unknown() });
const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function errorCodeOf(code: string): ErrorCode {
  return (/^[a-z_]+:[\w.-]+$/.test(code) ? code : "internal:control_api") as ErrorCode;
}

export function createControlClient(config: Pick<FomoConfig, "control">, options: { timeoutMs?: number } = {}): ControlClient {
  const base = config.control.url;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function call(path: string, init: RequestInit, requestTimeoutMs = timeoutMs): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, cache: "no-store", signal: AbortSignal.timeout(requestTimeoutMs) });
    } catch (cause) {
      throw new FomoError("unavailable:supervisor", `supervisor not reachable at ${base}; start it with npm run demo`, {
        cause,
        canRetry: true,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new FomoError("internal:control_api", `the supervisor at ${base} answered ${response.status} without JSON`, { cause });
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(body);
      if (parsed.success) throw new FomoError(errorCodeOf(parsed.data.error.code), parsed.data.error.message);
      throw new FomoError("internal:control_api", `the supervisor at ${base} answered ${response.status}`);
    }
    return body;
  }

  return {
    async status() {
      const parsed = stackStatusSchema.safeParse(await call("/status", { method: "GET" }));
      if (!parsed.success)
        throw new FomoError("internal:control_api", "the supervisor's status has an unexpected shape", { cause: parsed.error });
      return parsed.data;
    },
    async command(service, command, args = {}) {
      const path = `/services/${encodeURIComponent(service)}/commands/${encodeURIComponent(command)}`;
      const body = await call(
        path,
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(args) },
        timeoutMs + 10_000,
      );
      const parsed = commandReplySchema.safeParse(body);
      if (!parsed.success)
        throw new FomoError("internal:control_api", "the supervisor's command reply has an unexpected shape", { cause: parsed.error });
      return parsed.data.result;
    },
  };
}
