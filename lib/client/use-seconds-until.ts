"use client";

import { useEffect, useState } from "react";

/**
 * Whole seconds from now until `iso` (0 once it has passed), ticking every quarter second so a
 * countdown never skips a number; null without a time. The status poll only refreshes the target.
 */
export function useSecondsUntil(iso: string | null): number | null {
  const target = iso === null ? Number.NaN : Date.parse(iso);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (Number.isNaN(target)) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [target]);
  if (Number.isNaN(target)) return null;
  return Math.max(0, Math.ceil((target - now) / 1000));
}
