"use client";

import { useEffect } from "react";
import { useSearchParams } from "next/navigation";
import { prefersDark, usePreferences } from "@/lib/client/preferences-store";

/**
 * Loads saved preferences after hydration and keeps <html>'s classes in step with them:
 * `dark` (theme toggle or OS preference) and `presenter` (`?presenter=1` also switches it on).
 */
export function PreferencesSync() {
  const theme = usePreferences((s) => s.theme);
  const presenter = usePreferences((s) => s.presenter);
  const searchParams = useSearchParams();
  const presenterParam = searchParams.get("presenter");

  useEffect(() => {
    void usePreferences.persist.rehydrate();
  }, []);

  useEffect(() => {
    if (presenterParam === "1") usePreferences.getState().setPresenter(true);
    if (presenterParam === "0") usePreferences.getState().setPresenter(false);
  }, [presenterParam]);

  useEffect(() => {
    const apply = () => document.documentElement.classList.toggle("dark", prefersDark(theme));
    apply();
    if (theme !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);

  useEffect(() => {
    document.documentElement.classList.toggle("presenter", presenter);
  }, [presenter]);

  return null;
}
