"use client";

import { useEffect, useState } from "react";
import { usePreferences } from "@/lib/client/preferences-store";

/**
 * Editor and result heights that fit a 720p projector and use the room a 1080p screen gives.
 * Presenter mode on a 720p screen: the story's SQL is one statement, so the editor shows its lines
 * (one across a single pane, two in a half-width pane, at 18 px) and leaves the room to the results.
 */
export function useEditorSizes(single: boolean): { editorHeight: number; resultHeight: number } {
  const presenter = usePreferences((s) => s.presenter);
  const [height, setHeight] = useState(900);
  useEffect(() => {
    const read = () => setHeight(window.innerHeight);
    read();
    window.addEventListener("resize", read);
    return () => window.removeEventListener("resize", read);
  }, []);
  const compact = height < 850;
  if (compact && presenter) return { editorHeight: single ? 50 : 76, resultHeight: 180 };
  return {
    // Two panes on a short screen: the story's SQL wraps to two lines there, and 80 px shows them.
    editorHeight: compact ? (single ? 110 : 80) : 150,
    resultHeight: compact ? 190 : 330,
  };
}
