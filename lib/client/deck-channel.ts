"use client";

import { DECK_CHANNEL, deckMessageSchema, type DeckMessage } from "@/lib/story/deck-message";

export interface DeckChannel {
  post: (message: DeckMessage) => void;
  close: () => void;
}

/** The localStorage key whose `storage` event carries messages where BroadcastChannel is missing. */
const STORAGE_KEY = "fomo-deck-message";

/** Drops anything that is not a well-formed message from another window of this deck. */
function accept(raw: unknown, sender: string, onMessage: (message: DeckMessage) => void): void {
  const parsed = deckMessageSchema.safeParse(raw);
  if (parsed.success && parsed.data.sender !== sender) onMessage(parsed.data);
}

/**
 * Connects this window to the other windows of the deck (same origin): BroadcastChannel, or the
 * `storage` event, which every other same-origin window receives when localStorage changes.
 */
export function openDeckChannel(sender: string, onMessage: (message: DeckMessage) => void): DeckChannel {
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(DECK_CHANNEL);
    channel.onmessage = (event: MessageEvent) => accept(event.data, sender, onMessage);
    return { post: (message) => channel.postMessage(message), close: () => channel.close() };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || !event.newValue) return;
    try {
      accept((JSON.parse(event.newValue) as { message?: unknown }).message, sender, onMessage);
    } catch {
      // Not ours, or cut short: nothing to act on.
    }
  };
  window.addEventListener("storage", onStorage);
  let sequence = 0;
  return {
    // A changing counter makes every post a change, so repeated positions still fire the event.
    post: (message) => localStorage.setItem(STORAGE_KEY, JSON.stringify({ message, n: `${sender}-${++sequence}` })),
    close: () => window.removeEventListener("storage", onStorage),
  };
}

/** A random id per window, so a window ignores its own messages. */
export function newWindowId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}
