"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export type ThemeChoice = "system" | "light" | "dark";

interface PreferencesState {
  theme: ThemeChoice;
  /** Presenter mode: larger type and speaker notes. Self-serve (false) is the default. */
  presenter: boolean;
  setTheme: (theme: ThemeChoice) => void;
  setPresenter: (presenter: boolean) => void;
}

/** Display preferences, kept in localStorage under the key the theme boot script reads. */
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: "system",
      presenter: false,
      setTheme: (theme) => set({ theme }),
      setPresenter: (presenter) => set({ presenter }),
    }),
    {
      name: "fomo-preferences",
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
    },
  ),
);

export function prefersDark(theme: ThemeChoice): boolean {
  if (theme === "dark") return true;
  if (theme === "light") return false;
  return typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}
