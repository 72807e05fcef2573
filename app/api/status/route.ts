import { NextResponse } from "next/server";
import type { StackStatus } from "../../../lib/api/status";
import { isFomoError } from "../../../lib/errors";
import { loadConfig } from "../../../server/config";
import { createControlClient } from "../../../server/stack/control-client";
import { SERVICE_NAMES } from "../../../server/stack/service-names";

export const dynamic = "force-dynamic";

const webUp = { name: "web", healthy: true, detail: "the web app answers" };

/**
 * Every service's health, from the stack supervisor. `?probe=web` answers for the web app alone
 * (the supervisor's own health probe, which must not call the supervisor back).
 */
export async function GET(request: Request): Promise<NextResponse<StackStatus>> {
  if (new URL(request.url).searchParams.get("probe") === "web") return NextResponse.json({ services: [webUp] });
  const config = loadConfig();
  try {
    return NextResponse.json(await createControlClient(config, { timeoutMs: 8_000 }).status());
  } catch (error) {
    const detail = isFomoError(error) && error.code === "unavailable:supervisor"
      ? `supervisor not reachable at ${config.control.url}; start it with npm run demo`
      : `supervisor error: ${error instanceof Error ? error.message : String(error)}`;
    return NextResponse.json({
      services: SERVICE_NAMES.map((name) => (name === "web" ? webUp : { name, healthy: false, detail })),
    });
  }
}
