"use client";

import { useState } from "react";
import type { QueryResult } from "@/lib/api/query";
import { toCsv, toTsv } from "@/lib/client/format";
import { Button } from "@/components/ui/button";

/** Copy as TSV (pastes into any spreadsheet) and download as CSV. */
export function ResultActions({ result, fileStem }: { result: QueryResult; fileStem: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toTsv(result.columns, result.rows));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  const download = () => {
    const blob = new Blob([toCsv(result.columns, result.rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileStem}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="flex items-center gap-1">
      <Button size="sm" tone="ghost" onClick={copy} aria-label={`${copied ? "Copied" : "Copy"} results as tab-separated text`}>
        {copied ? "Copied" : "Copy"}
      </Button>
      <Button size="sm" tone="ghost" onClick={download} aria-label="Download results as CSV">
        CSV
      </Button>
    </div>
  );
}
