"use client";

import { useSyncExternalStore } from "react";
import { parseFragmentParam } from "@/lib/story/deck-position";
import type { StoryStep } from "@/lib/story/steps";

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("popstate", onChange);
  };
}

const readParam = () => new URLSearchParams(window.location.search).get("f");

/**
 * The fragment showing, from the URL (`/story/5?f=2`), so a reload keeps the place. Story pages
 * are prerendered, so the server (and the first client render) shows the first fragment.
 */
export function useFragmentParam(step: StoryStep): number {
  const raw = useSyncExternalStore(subscribe, readParam, () => null);
  return parseFragmentParam(step, raw);
}

/** Shows another fragment of the same step: the URL changes in place (no new history entry). */
export function setFragmentParam(fragment: number): void {
  const url = new URL(window.location.href);
  if (fragment > 0) url.searchParams.set("f", String(fragment));
  else url.searchParams.delete("f");
  window.history.replaceState(null, "", url);
  listeners.forEach((listener) => listener());
}
