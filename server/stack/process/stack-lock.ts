import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { FomoError } from "../../../lib/errors";
import { isAlive } from "./pid-files";

const lockSchema = z.object({ pid: z.number().int(), purpose: z.string(), since: z.string() });
type LockRecord = z.infer<typeof lockSchema>;

function lockPath(stackDir: string): string {
  return path.join(stackDir, "owner.lock");
}

function readHolder(file: string): LockRecord | undefined {
  try {
    const holder = lockSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
    return isAlive(holder.pid) && holder.pid !== process.pid ? holder : undefined;
  } catch {
    return undefined;
  }
}

function tryAcquire(file: string, purpose: string): LockRecord | undefined {
  const record: LockRecord = { pid: process.pid, purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(record), { flag: "wx" });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (holder) return holder;
      // The holder died without releasing (kill -9): the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  return readHolder(file);
}

/**
 * One owner per stack dir: a second `npm run demo` (or test run) on the same dir must not treat
 * the first one's processes as leftovers and kill them. Returns the release function.
 */
export async function acquireStackLock(
  stackDir: string,
  purpose: string,
  options: { waitMs?: number; log?: (line: string) => void } = {},
): Promise<() => void> {
  fs.mkdirSync(stackDir, { recursive: true });
  const file = lockPath(stackDir);
  const deadline = Date.now() + (options.waitMs ?? 0);
  let announced = false;
  for (;;) {
    const holder = tryAcquire(file, purpose);
    if (!holder) break;
    if (Date.now() >= deadline) {
      throw new FomoError(
        "stack:busy",
        `${stackDir} is in use by ${holder.purpose} (pid ${holder.pid}, since ${holder.since}). ` +
          "Stop that one first, or give this run its own STACK_DIR and ports.",
      );
    }
    if (!announced) options.log?.(`waiting for ${holder.purpose} (pid ${holder.pid}) to release ${stackDir}...`);
    announced = true;
    await sleep(1_000);
  }
  return () => {
    const holder = (() => {
      try {
        return lockSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
      } catch {
        return undefined;
      }
    })();
    if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}
