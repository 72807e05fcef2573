import { FomoError, toFomoError } from "../../../lib/errors";
import type { ServiceStatus } from "../../../lib/api/status";
import { commandMessageSchema, type ChildMessage } from "./protocol";

/** What a forked service implements; `runChildService` does the IPC, signals and shutdown. */
export interface ChildService {
  name: string;
  /** Connects and starts working; resolves once the service is ready to report healthy. */
  start(): Promise<void>;
  /** Current health and figures; called every `statusIntervalMs`. Must not throw. */
  status(): Promise<ServiceStatus> | ServiceStatus;
  /** Named commands reachable through the supervisor's control API. */
  commands?: Record<string, (args: Record<string, unknown>) => Promise<unknown>>;
  /** Stops work and releases every client. Called once. */
  stop(): Promise<void>;
}

function send(message: ChildMessage): void {
  if (process.send && process.connected) process.send(message);
}

/**
 * Runs a service as a child of the supervisor (or standalone when started without IPC, e.g.
 * `tsx server/generator/main.ts`: then only signals stop it). Never returns.
 */
export async function runChildService(service: ChildService, statusIntervalMs = 1_000): Promise<void> {
  let stopping = false;
  const log = (message: string) => console.log(`[${new Date().toISOString()}] ${service.name}: ${message}`);

  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${reason})`);
    const forceExit = setTimeout(() => process.exit(exitCode || 1), 8_000);
    forceExit.unref();
    try {
      await service.stop();
    } catch (error) {
      log(`error while stopping: ${toFomoError(error).message}`);
    }
    process.exit(exitCode);
  };

  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  // The supervisor went away (even with kill -9): do not live on as an orphan.
  process.on("disconnect", () => void shutdown("supervisor disconnected", 0));

  process.on("message", (raw) => {
    const parsed = commandMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const { id, name, args } = parsed.data;
    const handler = service.commands?.[name];
    if (!handler) {
      send({ type: "reply", id, ok: false, error: { code: "not_found:command", message: `${service.name} has no command '${name}'` } });
      return;
    }
    handler(args).then(
      (result) => send({ type: "reply", id, ok: true, result }),
      (error: unknown) => {
        const wrapped = toFomoError(error);
        send({ type: "reply", id, ok: false, error: { code: wrapped.code, message: wrapped.message } });
      },
    );
  });

  try {
    await service.start();
  } catch (error) {
    const wrapped = error instanceof FomoError ? error : toFomoError(error, "stack:service_start_failed");
    log(`failed to start: ${wrapped.message}`);
    send({ type: "fatal", error: { code: wrapped.code, message: wrapped.message } });
    await shutdown("start failed", 1);
    return;
  }
  log("ready");
  send({ type: "ready" });

  const reportStatus = async () => {
    if (stopping) return;
    try {
      send({ type: "status", status: await service.status() });
    } catch (error) {
      send({ type: "status", status: { name: service.name, healthy: false, detail: toFomoError(error).message } });
    }
  };
  await reportStatus();
  setInterval(() => void reportStatus(), statusIntervalMs);
}
