import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ConfigError, type FomoConfig } from "../config";

/**
 * The key that signs invitations. FOMO_HOSTED_SECRET wins (several web instances must share it);
 * otherwise one is generated on first use into <STACK_DIR>/hosted-secret, readable by its owner
 * only, so a single-server copy needs no setup and keeps its links valid across restarts.
 */

let cached: string | undefined;

export function hostedSecretPath(stackDir: string): string {
  return path.join(stackDir, "hosted-secret");
}

function readOrCreate(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once cannot both create it; the loser reads the winner's.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST")
      throw new ConfigError(`Could not create the hosted secret ${file}`, { cause: error });
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new ConfigError(`The hosted secret in ${file} is shorter than 32 characters; delete it to make a new one`);
  return secret;
}

export function hostedSecret(config: Pick<FomoConfig, "hosted" | "stackDir">): string {
  cached ??= config.hosted.secret ?? readOrCreate(hostedSecretPath(config.stackDir));
  return cached;
}
