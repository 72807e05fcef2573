import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { ManagedProcess } from "../process/managed-process";
import { describeExit, tailOfFile } from "../process/log-tail";
import { REPO_ROOT } from "../repo-root";
import { webSourceHash } from "./web-source-hash";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

function hashFile(stackDir: string): string {
  return path.join(stackDir, "web-build.hash");
}

/** The build is reused when `<distDir>/BUILD_ID` exists and the sources hash to what was built. */
export function webBuildIsCurrent(stackDir: string, distDir: string): { current: boolean; hash: string } {
  const hash = webSourceHash(REPO_ROOT);
  const built = fs.existsSync(path.join(REPO_ROOT, distDir, "BUILD_ID"));
  const recorded = fs.existsSync(hashFile(stackDir)) ? fs.readFileSync(hashFile(stackDir), "utf8").trim() : "";
  return { current: built && recorded === hash, hash };
}

/** The part of a failed build's log that says why: from the first error line on, else the tail. */
function buildErrorExcerpt(logPath: string): string {
  const tail = tailOfFile(logPath, 200).split("\n");
  const first = tail.findIndex((line) => /error/i.test(line));
  return (first >= 0 ? tail.slice(first, first + 12) : tail.slice(-15)).join("\n");
}

export interface WebBuild {
  process: ManagedProcess;
  done: Promise<void>;
}

/** Starts `next build` (log: `<stackDir>/logs/web-build.log`); `done` rejects with the log's tail on failure. */
export function startWebBuild(options: { stackDir: string; hash: string; env: NodeJS.ProcessEnv }): WebBuild {
  const logPath = path.join(options.stackDir, "logs", "web-build.log");
  fs.rmSync(hashFile(options.stackDir), { force: true });
  const build = ManagedProcess.start({
    name: "web-build",
    stackDir: options.stackDir,
    logPath,
    cwd: REPO_ROOT,
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
    launch: { kind: "spawn", command: process.execPath, args: [NEXT_BIN, "build"] },
  });
  const done = build.exited.then((exit) => {
    if (exit.code === 0) {
      fs.writeFileSync(hashFile(options.stackDir), `${options.hash}\n`);
      return;
    }
    if (build.stopping) throw new FomoError("stack:service_failed", "the web build was interrupted");
    throw new FomoError(
      "stack:service_failed",
      `The web app build (next build) ${describeExit(exit)}; see ${logPath}:\n${buildErrorExcerpt(logPath)}\n` +
        "Fix the build error (npm run build shows it), or set FOMO_WEB_DEV=1 to run the app with next dev.",
    );
  });
  return { process: build, done };
}
