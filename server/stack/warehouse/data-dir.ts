import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { runCommand } from "../prerequisites/run-command";
import type { WarehouseServerBinary } from "./server-binary";

/** mariadbd/mysqld refuse to run as root unless told which user to run as. */
export function runAsUserArgs(): string[] {
  return process.getuid?.() === 0 ? [`--user=${os.userInfo().username}`] : [];
}

export function dataDirIsInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "mysql"));
}

/**
 * Initialises the server's own data dir once. It is built in a sibling temp dir and renamed into
 * place, so an interrupted first run never leaves a half-initialised data dir behind.
 */
export async function initialiseDataDirOnce(
  binary: WarehouseServerBinary,
  dataDir: string,
  initLogFile: string,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  if (dataDirIsInitialised(dataDir)) return false;
  const building = `${dataDir}.initialising`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  fs.mkdirSync(path.dirname(initLogFile), { recursive: true });
  const [command, args] =
    binary.flavor === "mariadb"
      ? [
          binary.installDbPath as string,
          [
            "--no-defaults",
            `--basedir=${binary.baseDir}`,
            `--datadir=${building}`,
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
            ...runAsUserArgs(),
          ],
        ]
      : [
          binary.serverPath,
          ["--no-defaults", "--initialize-insecure", `--basedir=${binary.baseDir}`, `--datadir=${building}`, ...runAsUserArgs()],
        ];
  try {
    const output = await runCommand(command, args, { env, timeoutMs: 180_000 });
    fs.writeFileSync(initLogFile, `${command} ${args.join(" ")}\n${output.stdout}${output.stderr}`);
  } catch (cause) {
    const detail = (cause as { detail?: string }).detail ?? "";
    fs.writeFileSync(initLogFile, `${command} ${args.join(" ")}\n${detail}\n`);
    throw new FomoError(
      "stack:service_failed",
      `Initialising the warehouse data dir with ${path.basename(command)} failed (see ${initLogFile}): ` +
        `${detail.split("\n").slice(-2).join(" ")}`,
      { cause },
    );
  }
  fs.renameSync(building, dataDir);
  return true;
}
