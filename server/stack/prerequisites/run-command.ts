import { execFile } from "node:child_process";

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects with its exit details (and output) when it fails. */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = [stderr, stdout]
            .map((text) => text.trim())
            .filter(Boolean)
            .join("\n");
          reject(Object.assign(error, { detail }));
        } else resolve({ stdout, stderr });
      },
    );
  });
}
