"use client";

import { useCallback, useEffect, useRef } from "react";
import { newWindowId, openDeckChannel, type DeckChannel } from "@/lib/client/deck-channel";
import type { DeckMessage, DeckRole, DeckStateMessage } from "@/lib/story/deck-message";
import type { DeckPosition } from "@/lib/story/deck-position";

/** How long this window may take to reach a place another window sent before it acts on its own again. */
const FOLLOW_LIMIT_MS = 10_000;

interface DeckLink {
  id: string;
  channel: DeckChannel;
  listener?: (message: DeckMessage) => void;
  /** A move that arrived while no step was mounted (between two steps): applied by the next one. */
  pending?: DeckStateMessage;
  /** Where another window last sent this one, until it gets there: moves on the way are not announced. */
  following?: { position: DeckPosition; at: number };
}

const keyOf = (position: DeckPosition) => `${position.stepId}:${position.fragment}`;

// One link per window for its whole life: a step changing mid-navigation must not miss a move.
let link: DeckLink | undefined;

function deckLink(): DeckLink {
  if (link) return link;
  const id = newWindowId();
  const created: DeckLink = {
    id,
    channel: openDeckChannel(id, (message) => {
      if (message.type === "state")
        created.following = { position: { stepId: message.stepId, fragment: message.fragment }, at: Date.now() };
      if (created.listener) created.listener(message);
      else if (message.type === "state") created.pending = message;
    }),
  };
  link = created;
  return created;
}

/** The place another window sent this one to, while this window is still on its way there. */
function followedTarget(): DeckPosition | undefined {
  const following = link?.following;
  return following && Date.now() - following.at < FOLLOW_LIMIT_MS ? following.position : undefined;
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
export function useDeckSync({ role, position, blanked, onRemote }: DeckSyncOptions): {
  announce: (position: DeckPosition, blanked: boolean) => void;
} {
  const latest = useRef({ position, blanked, onRemote });
  useEffect(() => {
    latest.current = { position, blanked, onRemote };
  });

  const post = useCallback(
    (at: DeckPosition, isBlanked: boolean) => {
      const current = deckLink();
      current.channel.post({ type: "state", sender: current.id, role, stepId: at.stepId, fragment: at.fragment, blanked: isBlanked });
    },
    [role],
  );
  const announce = useCallback(
    (at: DeckPosition, isBlanked: boolean) => {
      // A move made here wins over any place another window sent earlier.
      deckLink().following = undefined;
      post(at, isBlanked);
    },
    [post],
  );

  useEffect(() => {
    const current = deckLink();
    current.listener = (message) => {
      // Answer with where this window is going, not a step it is passing through.
      if (message.type === "hello") post(followedTarget() ?? latest.current.position, latest.current.blanked);
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
  }, [role, post]);

  const { stepId, fragment } = position;
  useEffect(() => {
    if (role !== "audience") return;
    const at = { stepId, fragment };
    const target = followedTarget();
    if (!target) announce(at, latest.current.blanked);
    else if (keyOf(target) === keyOf(at) && link) link.following = undefined;
  }, [role, stepId, fragment, announce]);

  return { announce };
}
