import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseConfig, type FomoConfig } from "../server/config";
import { hostedSecret } from "../server/hosted/hosted-secret";
import { InvitationStore } from "../server/hosted/invitation-store";
import { hostedStoreConnection } from "../server/hosted/hosted-store-connection";
import { signInvitationToken } from "../server/hosted/invitation-token";
import { provisionStack } from "../server/stack/provision-stack";
import { freePort } from "../server/stack/testing/free-port";
import { E2E_STACK_ENV } from "./stack-env";

/**
 * A second web instance, in hosted mode, in front of the stack Playwright's webServer started
 * (its engine, warehouse and supervisor): the "several web instances behind one proxy" layout of
 * infra/README.md. It costs one `next start` on the build the stack already made, instead of a
 * second broker, warehouse and build on a 2-core machine.
 */
export interface HostedWeb {
  url: string;
  config: FomoConfig;
  /** Creates an invitation and returns its link. */
  invite(name: string, days?: number): Promise<{ id: string; link: string }>;
  revoke(id: string): Promise<void>;
  visits(id: string): Promise<string[]>;
  stop(): Promise<void>;
}

async function waitUntilAnswers(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hosted web exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health/live`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`hosted web did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startHostedWeb(): Promise<HostedWeb> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...E2E_STACK_ENV, FOMO_HOSTED: "1", PORT: String(port), FOMO_PUBLIC_URL: url };
  const config = parseConfig(env);
  // What `npm run demo -- --hosted` provisions: the invitations' database, the secret, and a
  // system-versioned purchases table (per-visitor stops); the local-mode stack left them out.
  await provisionStack(config, () => undefined);
  const secret = hostedSecret(config);
  const store = InvitationStore.open(hostedStoreConnection(config));
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...env, FOMO_NEXT_DIST_DIR: config.web.distDir, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  await waitUntilAnswers(url, child, 60_000);
  return {
    url,
    config,
    async invite(name, days = 7) {
      const invitation = await store.create({ name, days });
      const token = signInvitationToken(secret, { id: invitation.id, expiresAt: invitation.expiresAt.getTime() });
      return { id: invitation.id, link: `${url}/invite/${token}` };
    },
    async revoke(id) {
      await store.revoke(id);
    },
    async visits(id) {
      return (await store.visits(id)).map((visit) => visit.path);
    },
    async stop() {
      await store.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
