"use client";

import { useEffect, useState } from "react";
import type { LiveFigureName, LiveFigureValue } from "@/lib/api/live";
import { retainLiveFeed, useLiveFeed } from "./live-feed";

/** Without a stream for this long, pages say their figures are stale. */
export const LIVE_STALE_AFTER_MS = 10_000;

/** Since when the figures have been stale (no stream for over 10 s), or null; re-checked every second. */
export function useLiveStaleSince(): number | null {
  const downSince = useLiveFeed((state) => state.downSince);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (downSince === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [downSince]);
  return downSince !== null && now - downSince > LIVE_STALE_AFTER_MS ? downSince : null;
}

export const staleMessage = (since: number) =>
  `Live updates interrupted since ${new Date(since).toLocaleTimeString("en-GB", { hour12: false })}; reconnecting… (figures below are as of then)`;

export interface LiveFigureState<F extends LiveFigureName> {
  value: LiveFigureValue<F> | undefined;
  /** Why the last computation failed. */
  error: string | undefined;
  updatedAt: number | null;
  /** That the stream has been down for over 10 s (the value is then as of `updatedAt`). */
  stale: string | undefined;
}

/** One live figure, pushed by the server; mounting it keeps the tab's one stream open. */
export function useLiveFigure<F extends LiveFigureName>(figure: F): LiveFigureState<F> {
  useEffect(() => retainLiveFeed(), []);
  const frame = useLiveFeed((state) => state.frames[figure]);
  const staleSince = useLiveStaleSince();
  return {
    value: (frame?.value ?? undefined) as LiveFigureValue<F> | undefined,
    error: frame?.error ?? undefined,
    updatedAt: frame?.at ?? null,
    stale: staleSince !== null ? staleMessage(staleSince) : undefined,
  };
}
