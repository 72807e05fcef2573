"use client";

import { useSyncExternalStore } from "react";
import { parseFragmentParam, type DeckPosition } from "@/lib/story/deck-position";
import { isStepId, stepById } from "@/lib/story/steps";

const START: DeckPosition = { stepId: "problem", fragment: 0 };
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

const readSearch = () => window.location.search;

function parsePosition(search: string): DeckPosition {
  const params = new URLSearchParams(search);
  const stepId = params.get("step");
  if (!isStepId(stepId)) return START;
  return { stepId, fragment: parseFragmentParam(stepById(stepId), params.get("f")) };
}

/**
 * The speaker view's place lives in its own URL (`/speaker?step=difference&f=2`): P opens it there,
 * and a reload of this window keeps it. The prerendered page (and first render) shows the start.
 */
export function useSpeakerPosition(): [DeckPosition, (position: DeckPosition) => void] {
  const search = useSyncExternalStore(subscribe, readSearch, () => "");
  return [parsePosition(search), moveSpeakerTo];
}

function moveSpeakerTo(position: DeckPosition): void {
  const url = new URL(window.location.href);
  url.searchParams.set("step", position.stepId);
  url.searchParams.set("f", String(position.fragment));
  window.history.replaceState(null, "", url);
  listeners.forEach((listener) => listener());
}
