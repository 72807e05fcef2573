import { NextResponse } from "next/server";
import { loadConfig } from "@/server/config";
import { acceptInvitation } from "@/server/hosted/accept-invitation";

export const dynamic = "force-dynamic";

/** An invitation link: sets the invitation and visitor cookies and sends the visitor to the start. */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const config = loadConfig();
  // Local mode needs no invitation: an old link just opens the demo.
  if (!config.hosted.enabled) return new NextResponse(null, { status: 303, headers: { location: "/" } });
  return acceptInvitation(config, request, (await context.params).token);
}
