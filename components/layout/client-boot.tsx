"use client";

import { Suspense, useEffect } from "react";
import { useWorkspace } from "@/lib/client/workspace-store";
import { PreferencesSync } from "@/components/theme/preferences-sync";

/** Reads persisted state after the first render (server and client markup then agree). */
export function ClientBoot() {
  useEffect(() => {
    void useWorkspace.persist.rehydrate();
  }, []);
  return (
    <Suspense fallback={null}>
      <PreferencesSync />
    </Suspense>
  );
}
