"use client";

import type { DeckPosition } from "@/lib/story/deck-position";

/** The speaker view's window name: pressing P again brings the same window forward instead of a new one. */
const SPEAKER_WINDOW = "fomo-speaker";

/** Opens the speaker view in its own window, at the audience's current place. */
export function openSpeakerWindow(position: DeckPosition): void {
  const url = `/speaker?step=${encodeURIComponent(position.stepId)}&f=${position.fragment}`;
  const opened = window.open(url, SPEAKER_WINDOW, "popup,width=1280,height=800");
  opened?.focus();
}
