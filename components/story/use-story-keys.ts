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
  toggleHelp: () => void;
  togglePresenter: () => void;
}

/** ←/→ and PageUp/PageDown (presenter clickers) move between steps; `?` lists the shortcuts. */
export function useStoryKeys({ next, previous, toggleHelp, togglePresenter }: StoryKeyHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "?") {
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
        case "p":
        case "P":
          togglePresenter();
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
  }, [next, previous, toggleHelp, togglePresenter]);
}
