"use client";

import { useEffect, useState } from "react";

/** Editor and result heights that fit a 720p projector and use the room a 1080p screen gives. */
export function useEditorSizes(single: boolean): { editorHeight: number; resultHeight: number } {
  const [height, setHeight] = useState(900);
  useEffect(() => {
    const read = () => setHeight(window.innerHeight);
    read();
    window.addEventListener("resize", read);
    return () => window.removeEventListener("resize", read);
  }, []);
  const compact = height < 850;
  return {
    editorHeight: compact ? (single ? 110 : 104) : single ? 150 : 150,
    resultHeight: compact ? 190 : 330,
  };
}
