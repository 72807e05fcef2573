import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { HOSTED_VISITOR_COOKIE, newVisitorId } from "../../server/hosted/visitor";
import { REPO_ROOT } from "../../server/stack/repo-root";

/** How the simulated visitors get in: an invitation's cookie in hosted mode, nothing in local mode. */
export interface LoadAccess {
  mode: "hosted" | "local";
  cookie: string;
  note: string;
}

/** Whether this checkout has invitations (`npm run invite`): then the load runs in hosted mode. */
export function invitationsAvailable(): boolean {
  const scripts =
    (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  return typeof scripts.invite === "string";
}

/** Creates an invitation with the operator's command and opens its link once to get the visitor cookie. */
export async function createLoadAccess(options: { hosted: boolean; env: NodeJS.ProcessEnv }): Promise<LoadAccess> {
  if (!options.hosted) {
    return {
      mode: "local",
      cookie: "",
      note: "local mode: this checkout has no invitations yet (no `npm run invite`), so the load ran without them",
    };
  }
  const run = spawnSync("npm", ["run", "--silent", "invite", "--", "--name", "npm run load", "--days", "1"], {
    cwd: REPO_ROOT,
    env: options.env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const link = /https?:\/\/\S+/.exec(`${run.stdout}\n${run.stderr}`)?.[0];
  if (run.status !== 0 || !link) throw new Error(`load: npm run invite failed (${run.status}): ${run.stderr || run.stdout}`);
  const response = await fetch(link, { redirect: "manual" });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`load: opening the invitation link set no cookie (HTTP ${response.status})`);
  return {
    mode: "hosted",
    cookie,
    note: "hosted mode with one invitation; every simulated visitor carries its cookie and a visitor id of its own",
  };
}

/**
 * The cookie one simulated visitor sends: the invitation's, with a visitor id of its own. Each
 * prospect has their own browser, so per-visitor limits (queries, live streams) apply to each; one
 * shared id would make 220 visitors one visitor, limited as one.
 */
export function cookieOfVisitor(access: LoadAccess): string {
  if (access.mode !== "hosted") return access.cookie;
  const others = access.cookie
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${HOSTED_VISITOR_COOKIE}=`));
  return [...others, `${HOSTED_VISITOR_COOKIE}=${newVisitorId()}`].join("; ");
}
