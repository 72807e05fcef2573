import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

/** Unix socket paths are limited to ~107 bytes (sun_path); stay well below. */
const MAX_SOCKET_PATH = 100;

/**
 * The private server's unix socket: in the stack dir when that path is short enough, else a
 * short path under the temp dir derived from the stack dir (so every process computes the same).
 */
export function warehouseSocketPath(stackDir: string): string {
  const preferred = path.join(stackDir, "warehouse", "mysqld.sock");
  if (Buffer.byteLength(preferred) <= MAX_SOCKET_PATH) return preferred;
  const hash = crypto.createHash("sha256").update(stackDir).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `fomo-${hash}.sock`);
}

/** Where the private warehouse server keeps its files under the stack dir. */
export function warehousePaths(stackDir: string) {
  const home = path.join(stackDir, "warehouse");
  return {
    home,
    data: path.join(home, "data"),
    pidFile: path.join(home, "mysqld.pid"),
    socket: warehouseSocketPath(stackDir),
    logFile: path.join(stackDir, "logs", "warehouse.log"),
    initLogFile: path.join(stackDir, "logs", "warehouse-init.log"),
  };
}
