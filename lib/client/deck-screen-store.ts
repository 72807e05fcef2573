"use client";

import { create } from "zustand";

/**
 * Whether the audience screen is blanked (B, like reveal.js's pause). Kept outside the story's
 * components so it survives moving between steps; not persisted, a reload shows the screen again.
 */
export const useDeckScreen = create<{ blanked: boolean }>()(() => ({ blanked: false }));
