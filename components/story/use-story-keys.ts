"use client";

import { useEffect } from "react";

/** True when a key press belongs to a text field or the SQL editor, not to the slide deck. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest(".monaco-editor, [contenteditable='true'], [role='dialog']")) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

interface StoryKeyHandlers {
  next: () => void;
  previous: () => void;
  /** B (or `.`, which some clickers send): blank or show the audience screen. */
  toggleBlank: () => void;
  toggleHelp?: () => void;
  /** P: open (or bring forward) the speaker view. */
  openSpeaker?: () => void;
}

/**
 * ←/→ and PageUp/PageDown (presenter clickers) move through steps and fragments; B blanks the
 * audience screen; P opens the speaker view; `?` lists the shortcuts. The audience window and the
 * speaker view share these keys.
 */
export function useStoryKeys({ next, previous, toggleBlank, toggleHelp, openSpeaker }: StoryKeyHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "?" && toggleHelp) {
        if (isTypingTarget(event.target) && !(event.target instanceof HTMLElement && event.target.closest("[role='dialog']"))) return;
        event.preventDefault();
        toggleHelp();
        return;
      }
      if (isTypingTarget(event.target)) return;
      switch (event.key) {
        case "ArrowRight":
        case "PageDown":
          event.preventDefault();
          next();
          break;
        case "ArrowLeft":
        case "PageUp":
          event.preventDefault();
          previous();
          break;
        case "b":
        case "B":
        case ".":
          event.preventDefault();
          toggleBlank();
          break;
        case "p":
        case "P":
          if (!openSpeaker) break;
          event.preventDefault();
          openSpeaker();
          break;
      }
    };
    window.addEventListener("keydown", onKey);
    // Keys pressed before hydration are lost: tests (and tools) wait for this before pressing one.
    document.documentElement.dataset.storyKeys = "ready";
    return () => {
      window.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.storyKeys;
    };
  }, [next, previous, toggleBlank, toggleHelp, openSpeaker]);
}
