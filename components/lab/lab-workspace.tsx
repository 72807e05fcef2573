"use client";

import { useCallback, useEffect, useState } from "react";
import type { PaneDefault } from "@/lib/story/steps";
import type { PaneId } from "@/lib/client/workspace-store";
import { AppHeader } from "@/components/layout/app-header";
import { SqlWorkspace } from "@/components/editor/sql-workspace";
import { ShortcutsDialog } from "@/components/story/shortcuts-dialog";
import { useEditorSizes } from "@/components/story/use-editor-sizes";
import { isTypingTarget } from "@/components/story/use-story-keys";
import type { LabLink } from "@/lib/lab/lab-link";
import { QueryHistory } from "./query-history";
import { useLabLink } from "./use-lab-link";

const LAB_PANES: Record<PaneId, PaneDefault> = {
  left: {
    database: "warehouse",
    sql: "SELECT customerid, count(*) AS purchases, sum(amount) AS total\nFROM purchases\nGROUP BY customerid\nORDER BY total DESC\nLIMIT 10;",
  },
  right: {
    database: "kafka",
    sql: "SELECT customerid, count(*) AS purchases, sum(amount) AS total\nFROM purchases\nGROUP BY customerid\nORDER BY total DESC\nLIMIT 10;",
  },
};

/** `/lab`: the same side-by-side editors without the narrative, with a persisted history. */
export function LabWorkspace({ link }: { link?: LabLink }) {
  useLabLink(link);
  const [helpOpen, setHelpOpen] = useState(false);
  const sizes = useEditorSizes(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !isTypingTarget(event.target)) {
        event.preventDefault();
        toggleHelp();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggleHelp]);
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader active="lab" onHelp={toggleHelp} center={<p className="text-sm text-muted">SQL lab — any SQL, on either side</p>} />
      <main className="mx-auto grid w-full max-w-[1840px] flex-1 grid-cols-1 gap-4 px-4 py-5 xl:grid-cols-[minmax(0,1fr)_18rem] xl:px-6">
        <div className="min-w-0">
          <h1 className="sr-only">SQL lab</h1>
          <SqlWorkspace workspace="lab" panes={LAB_PANES} editorHeight={sizes.editorHeight + 60} resultHeight={sizes.resultHeight + 40} />
        </div>
        <QueryHistory workspace="lab" panes={LAB_PANES} />
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
