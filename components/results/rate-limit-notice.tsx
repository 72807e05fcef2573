"use client";

import { useEffect, useState } from "react";

/** Whether a failed run was refused by the visitor limits (not a problem with the SQL). */
export function isRateLimited(code: string | undefined): boolean {
  return code?.startsWith("rate_limit:") ?? false;
}

/**
 * "Too many queries - retry in N s", counting down from the server's retry time: a limit on a
 * shared copy, shown as a pause rather than as an error in the SQL (no red, no line marker).
 */
export function RateLimitNotice({
  retryAfterMs,
  receivedAt,
  message,
}: {
  retryAfterMs: number | undefined;
  receivedAt: number | undefined;
  message: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  const [since] = useState(() => receivedAt ?? now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil(((retryAfterMs ?? 1000) - (now - since)) / 1000));
  return (
    <div role="status" className="rounded-lg border border-warn/50 bg-warn/8 px-3 py-2 text-sm" data-testid="rate-limit-notice">
      <p className="font-semibold">
        {seconds > 0 ? `Too many queries - retry in ${seconds} s` : "Too many queries - you can run it again now"}
      </p>
      <p className="mt-1 text-muted">{message}</p>
    </div>
  );
}
