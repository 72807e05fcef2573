"use client";

import { useEffect, useRef, useState } from "react";

export interface LiveState<T> {
  value: T | undefined;
  error: string | undefined;
  updatedAt: number | null;
}

/**
 * Runs `load` now and then every `intervalMs` (one at a time, paused while the tab is hidden).
 * `load` is read from a ref, so callers can pass an inline function.
 */
export function useLiveQuery<T>(load: () => Promise<T>, intervalMs: number, deps: readonly unknown[] = []): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: undefined, error: undefined, updatedAt: null });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") {
        try {
          const value = await loadRef.current();
          if (!stopped) setState({ value, error: undefined, updatedAt: Date.now() });
        } catch (error) {
          if (!stopped) setState((current) => ({ ...current, error: error instanceof Error ? error.message : String(error), updatedAt: Date.now() }));
        }
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's inputs to `load`
  }, [intervalMs, ...deps]);

  return state;
}
