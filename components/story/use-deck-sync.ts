"use client";

import { useCallback, useEffect, useRef } from "react";
import { newWindowId, openDeckChannel, type DeckChannel } from "@/lib/client/deck-channel";
import type { DeckMessage, DeckRole, DeckStateMessage } from "@/lib/story/deck-message";
import type { DeckPosition } from "@/lib/story/deck-position";

/** How long a position another window sent counts as "theirs", so following it is not echoed back. */
const ECHO_WINDOW_MS = 2000;

interface DeckLink {
  id: string;
  channel: DeckChannel;
  listener?: (message: DeckMessage) => void;
  /** A move that arrived while no step was mounted (between two steps): applied by the next one. */
  pending?: DeckStateMessage;
  recent: { key: string; at: number }[];
}

const keyOf = (position: DeckPosition) => `${position.stepId}:${position.fragment}`;

// One link per window for its whole life: a step changing mid-navigation must not miss a move.
let link: DeckLink | undefined;

function deckLink(): DeckLink {
  if (link) return link;
  const id = newWindowId();
  const created: DeckLink = {
    id,
    recent: [],
    channel: openDeckChannel(id, (message) => {
      if (message.type === "state") {
        const now = Date.now();
        created.recent = [...created.recent.filter((r) => now - r.at < ECHO_WINDOW_MS), { key: keyOf(message), at: now }];
      }
      if (created.listener) created.listener(message);
      else if (message.type === "state") created.pending = message;
    }),
  };
  link = created;
  return created;
}

function recentlyRemote(position: DeckPosition): boolean {
  const now = Date.now();
  return !!link?.recent.some((r) => r.key === keyOf(position) && now - r.at < ECHO_WINDOW_MS);
}

interface DeckSyncOptions {
  role: DeckRole;
  position: DeckPosition;
  blanked: boolean;
  /** Another window moved or blanked the deck: follow it (without announcing it back). */
  onRemote: (message: DeckStateMessage) => void;
}

/**
 * Keeps this window's deck in step with the others (audience and speaker view), both ways.
 * Returns `announce`, called for every local move; the audience also announces moves made by
 * links and the browser's back button, unless it is only following another window.
 */
export function useDeckSync({ role, position, blanked, onRemote }: DeckSyncOptions): { announce: (position: DeckPosition, blanked: boolean) => void } {
  const latest = useRef({ position, blanked, onRemote });
  useEffect(() => {
    latest.current = { position, blanked, onRemote };
  });

  const announce = useCallback(
    (at: DeckPosition, isBlanked: boolean) => {
      const current = deckLink();
      current.channel.post({ type: "state", sender: current.id, role, stepId: at.stepId, fragment: at.fragment, blanked: isBlanked });
    },
    [role],
  );

  useEffect(() => {
    const current = deckLink();
    current.listener = (message) => {
      if (message.type === "hello") announce(latest.current.position, latest.current.blanked);
      else latest.current.onRemote(message);
    };
    const pending = current.pending;
    current.pending = undefined;
    if (pending) latest.current.onRemote(pending);
    if (role === "speaker") current.channel.post({ type: "hello", sender: current.id, role });
    // Tests and tools wait for this before pressing a key in either window.
    document.documentElement.dataset.deckSync = "ready";
    return () => {
      current.listener = undefined;
      delete document.documentElement.dataset.deckSync;
    };
  }, [role, announce]);

  const { stepId, fragment } = position;
  useEffect(() => {
    if (role !== "audience") return;
    const at = { stepId, fragment };
    if (!recentlyRemote(at)) announce(at, latest.current.blanked);
  }, [role, stepId, fragment, announce]);

  return { announce };
}
