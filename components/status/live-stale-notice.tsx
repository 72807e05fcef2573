"use client";

import { staleMessage, useLiveStaleSince } from "@/lib/client/use-live-figure";

/** One line over the live charts when their stream has been down for over 10 s (it reconnects on its own). */
export function LiveStaleNotice() {
  const since = useLiveStaleSince();
  if (since === null) return null;
  return (
    <p role="status" className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" data-testid="live-stale">
      {staleMessage(since)}
    </p>
  );
}
