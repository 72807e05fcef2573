"use client";

import { useEffect, useRef } from "react";
import type { LabLink } from "@/lib/lab/lab-link";
import type { PaneId } from "@/lib/client/workspace-store";
import { useWorkspace } from "@/lib/client/workspace-store";
import { useWorkspaceHydrated } from "@/lib/client/use-hydrated";

/** The warehouse opens on the left, Kafka on the right, as everywhere else. */
const PANE_OF: Record<LabLink["database"], PaneId> = { warehouse: "left", kafka: "right" };

/**
 * Puts a deep link's query into its side's editor once the saved workspace is read (so the saved
 * text cannot overwrite it), then drops the query from the address bar: a reload keeps the
 * user's edits instead of reopening the link.
 */
export function useLabLink(link: LabLink | undefined): void {
  const hydrated = useWorkspaceHydrated();
  const applied = useRef(false);
  useEffect(() => {
    if (!link || !hydrated || applied.current) return;
    applied.current = true;
    useWorkspace.getState().setPane("lab", PANE_OF[link.database], { database: link.database, schema: null, sql: link.sql });
    window.history.replaceState(window.history.state, "", "/lab");
  }, [link, hydrated]);
}
