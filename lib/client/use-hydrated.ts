"use client";

import { useSyncExternalStore } from "react";
import { useWorkspace } from "./workspace-store";

function subscribe(onChange: () => void): () => void {
  return useWorkspace.persist.onFinishHydration(onChange);
}

/** True once the persisted workspace (editor contents, progress) has been read from localStorage. */
export function useWorkspaceHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => useWorkspace.persist.hasHydrated(),
    () => false,
  );
}
