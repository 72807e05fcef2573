import type { NextRequest } from "next/server";
import { gateRequest } from "./server/hosted/request-gate";

/**
 * Next.js 16's request gate (formerly middleware; always the Node.js runtime). Everything it does
 * lives in server/hosted/request-gate.ts; see there.
 */
export function proxy(request: NextRequest): Promise<Response> {
  // NODE_ENV is fixed by Next at build time (development under `next dev`), not read from the host.
  return gateRequest(request, { devServer: process.env.NODE_ENV === "development" });
}

export const config = {
  // Build files are public and carry no data; everything else (pages, API, the invite link) is gated.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
