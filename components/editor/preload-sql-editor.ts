"use client";

import { useEffect } from "react";

/**
 * Starts downloading and evaluating Monaco once the page is idle, so the editors of steps 2-4 are
 * ready by the time the presenter reaches them. Never blocks the first paint of the current step.
 */
export function usePreloadSqlEditor(): void {
  useEffect(() => {
    const load = () => void import("./sql-editor-impl");
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(load, { timeout: 4000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(load, 1500);
    return () => clearTimeout(timer);
  }, []);
}
