"use client";

import { useEffect, useState } from "react";
import type { Database } from "@/lib/api/query";
import { labLinkUrl, LAB_LINK_MAX_SQL } from "@/lib/lab/lab-link";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/** Copies a `/lab?database=…&sql=…` link to this pane's query, and says so where it was clicked. */
export function CopyLinkButton({ database, sql, label }: { database: Database; sql: string; label: string }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_500);
    return () => clearTimeout(timer);
  }, [state]);
  const tooLong = sql.trim().length === 0 || sql.length > LAB_LINK_MAX_SQL;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(labLinkUrl({ database, sql }, window.location.origin));
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, a denied permission): say so rather than pretend.
      setState("failed");
    }
  };
  return (
    <>
      <Button size="sm" tone="ghost" aria-label={`Copy link to the ${label} query`} disabled={tooLong} onClick={() => void copy()}>
        Copy link
      </Button>
      <span role="status" className="text-xs text-muted">
        {state === "copied" ? "Link copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </>
  );
}
