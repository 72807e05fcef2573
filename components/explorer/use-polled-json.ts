"use client";

import { useEffect, useState } from "react";

export interface Polled<T> {
  data: T | null;
  error: string | null;
}

/**
 * Fetches `url` now and every `everyMs` while the page is visible; keeps the last good data when
 * a reading fails (the error is shown beside it), so a broker hiccup never blanks the page.
 * A reading the server flags as stale (`staleBecause`) counts as data, with the reason as `error`.
 */
export function usePolledJson<T>(url: string, initial: T | null, everyMs = 2_000): Polled<T> {
  const [state, setState] = useState<Polled<T> & { url: string }>({ data: initial, error: null, url });
  const current = state.url === url ? state : { data: null, error: null, url };

  useEffect(() => {
    let cancelled = false;
    let inFlight: AbortController | undefined;
    async function read() {
      if (document.visibilityState === "hidden" || inFlight) return;
      inFlight = new AbortController();
      try {
        const response = await fetch(url, { signal: inFlight.signal, cache: "no-store" });
        const body = (await response.json()) as T & { error?: { message: string }; staleBecause?: string | null; sampledAt?: string };
        if (cancelled) return;
        if (!response.ok)
          setState((s) => ({ data: s.url === url ? s.data : null, error: body.error?.message ?? `HTTP ${response.status}`, url }));
        else setState({ data: body, error: staleNotice(body), url });
      } catch (error) {
        if (!cancelled && !(error instanceof DOMException && error.name === "AbortError")) {
          setState((s) => ({ data: s.url === url ? s.data : null, error: error instanceof Error ? error.message : String(error), url }));
        }
      } finally {
        inFlight = undefined;
      }
    }
    void read();
    const timer = setInterval(read, everyMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
      inFlight?.abort();
    };
  }, [url, everyMs]);

  return { data: current.data, error: current.error };
}

function staleNotice(body: { staleBecause?: string | null; sampledAt?: string }): string | null {
  if (!body.staleBecause) return null;
  const at = body.sampledAt ? new Date(body.sampledAt).toLocaleTimeString() : "earlier";
  return `Showing the reading from ${at}: ${body.staleBecause}`;
}
