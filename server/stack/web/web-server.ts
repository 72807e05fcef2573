import path from "node:path";
import type { FomoConfig } from "../../config";
import { ManagedProcess, type ExitInfo } from "../process/managed-process";
import { REPO_ROOT } from "../repo-root";
import { NEXT_BIN } from "./web-build";

/**
 * The web app's own cheap health answer: `/api/health/live` does not call the supervisor back, and
 * it is open without an invitation, so the supervisor's probe also works in hosted mode.
 */
export function webProbeUrl(config: FomoConfig): string {
  return `${config.web.url}/api/health/live`;
}

export async function webAnswers(config: FomoConfig, timeoutMs = 2_000): Promise<boolean> {
  const response = await fetch(webProbeUrl(config), { signal: AbortSignal.timeout(timeoutMs) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** `next start` (or `next dev` with FOMO_WEB_DEV) on the configured host and port. */
export function startWebServer(options: {
  config: FomoConfig;
  env: NodeJS.ProcessEnv;
  onUnexpectedExit?: (exit: ExitInfo) => void;
}): ManagedProcess {
  const { config } = options;
  const mode = config.web.devMode ? "dev" : "start";
  const web = ManagedProcess.start({
    name: "web",
    stackDir: config.stackDir,
    logPath: path.join(config.stackDir, "logs", "web.log"),
    cwd: REPO_ROOT,
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
    launch: {
      kind: "spawn",
      command: process.execPath,
      args: [NEXT_BIN, mode, "-p", String(config.web.port), "-H", config.bindHost],
    },
    onExit: (exit) => {
      if (!web.stopping) options.onUnexpectedExit?.(exit);
    },
  });
  return web;
}
