"use client";

import { useEffect, useId, useState } from "react";
import type { Cell, Database } from "@/lib/api/query";
import { useCatalogs } from "@/lib/client/catalog-store";
import { runKey, runPane, usePaneState } from "@/lib/client/pane-state";
import { useResults } from "@/lib/client/results-store";
import type { PaneId } from "@/lib/client/workspace-store";
import { usePreferences } from "@/lib/client/preferences-store";
import { useWorkspaceHydrated } from "@/lib/client/use-hydrated";
import type { PaneDefault } from "@/lib/story/steps";
import { Button } from "@/components/ui/button";
import { ResultActions } from "@/components/results/result-actions";
import { ResultView } from "@/components/results/result-view";
import { isRateLimited, RateLimitNotice } from "@/components/results/rate-limit-notice";
import { CancelledNotice } from "./cancelled-notice";
import { DATABASE_META } from "./database-meta";
import { CopyLinkButton } from "./copy-link-button";
import { RunSummary } from "./run-summary";
import { SchemaBrowser } from "./schema-browser";
import { SqlEditor } from "./sql-editor";

export interface EditorPaneProps {
  workspace: string;
  pane: PaneId;
  defaults: PaneDefault;
  editorHeight: number;
  resultHeight: number;
  resultChart?: boolean;
  isCellActionable?: (columnName: string, value: Cell) => boolean;
  onCellAction?: (columnName: string, value: Cell) => void;
}

const paneWord: Record<PaneId, string> = { left: "left", right: "right" };

/** One side of the workspace: database and schema selectors, schema browser, editor, run, result. */
export function EditorPane({
  workspace,
  pane,
  defaults,
  editorHeight,
  resultHeight,
  resultChart = true,
  isCellActionable,
  onCellAction,
}: EditorPaneProps) {
  const hydrated = useWorkspaceHydrated();
  const [state, update] = usePaneState(workspace, pane, defaults);
  const run = useResults((s) => s.runs[runKey(workspace, pane)]);
  const catalogEntry = useCatalogs((s) => s.entries[state.database]);
  const loadCatalog = useCatalogs((s) => s.load);
  const presenter = usePreferences((s) => s.presenter);
  const [browserOpen, setBrowserOpen] = useState(false);
  const ids = useId();
  const meta = DATABASE_META[state.database];
  const schemas = catalogEntry?.catalog?.schemas.map((s) => s.name) ?? [];
  const schema = state.schema && schemas.includes(state.schema) ? state.schema : (schemas[0] ?? null);

  useEffect(() => {
    void loadCatalog(state.database);
  }, [state.database, loadCatalog]);

  const execute = (part?: string) => void runPane(workspace, pane, defaults, part);
  const cancel = () => useResults.getState().cancel(runKey(workspace, pane));
  const running = run?.status === "running";
  const sameDatabaseRun = run && run.database === state.database ? run : undefined;
  const label = `${meta.name} (${paneWord[pane]} editor)`;

  return (
    <section
      className={`flex min-w-0 flex-col overflow-hidden rounded-xl border bg-surface shadow-sm ${state.database === "kafka" ? "border-kf/40" : "border-line-strong"}`}
      aria-label={`${meta.name} SQL, ${paneWord[pane]} side`}
      data-testid={`pane-${pane}`}
      data-database={state.database}
    >
      <div className={`h-1 ${meta.bg}`} aria-hidden="true" />
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-2">
        <span className={`inline-flex items-center gap-1.5 text-sm font-semibold ${meta.text}`}>
          <span className={`h-2.5 w-2.5 rounded-full ${meta.bg} ${state.database === "kafka" ? "animate-pulse" : ""}`} aria-hidden="true" />
          <span className="hidden 2xl:inline">{meta.name}</span>
        </span>
        <label className="sr-only" htmlFor={`${ids}-db`}>
          Database ({paneWord[pane]} editor)
        </label>
        <select
          id={`${ids}-db`}
          value={state.database}
          onChange={(e) => update({ database: e.target.value as Database, schema: null })}
          className="h-8 rounded-md border border-line-strong bg-surface px-2 text-sm"
        >
          <option value="warehouse">Warehouse (MySQL)</option>
          <option value="kafka">Kafka (live)</option>
        </select>
        <label className="sr-only" htmlFor={`${ids}-schema`}>
          Schema ({paneWord[pane]} editor)
        </label>
        <select
          id={`${ids}-schema`}
          value={schema ?? ""}
          onChange={(e) => update({ schema: e.target.value })}
          className="h-8 max-w-32 rounded-md border border-line-strong bg-surface px-2 text-sm"
          disabled={schemas.length === 0}
        >
          {schemas.length === 0 && <option value="">{catalogEntry?.loading ? "loading…" : "schema"}</option>}
          {schemas.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          tone="ghost"
          aria-label={`Tables of ${meta.name} (${paneWord[pane]} editor)`}
          aria-expanded={browserOpen}
          aria-controls={`${ids}-browser`}
          onClick={() => {
            setBrowserOpen(!browserOpen);
            if (!browserOpen) void loadCatalog(state.database, { force: true });
          }}
        >
          Tables
        </Button>
        <div className="ml-auto flex items-center gap-2">
          {workspace === "lab" && <CopyLinkButton database={state.database} sql={state.sql} label={label} />}
          <span className="hidden text-xs text-faint 2xl:inline">Ctrl/⌘+Enter</span>
          <Button
            tone={meta.tone}
            size="sm"
            onClick={() => execute()}
            disabled={running}
            aria-label={`${running ? "Running…" : "Run"} on ${label}`}
            data-testid={`run-${pane}`}
          >
            {running ? "Running…" : "Run"}
          </Button>
          {running && (
            <Button
              tone="neutral"
              size="sm"
              onClick={cancel}
              aria-label={`Cancel the query on ${label}`}
              aria-keyshortcuts="Control+. Meta+."
              title="Cancel (Ctrl/⌘+.)"
              data-testid={`cancel-${pane}`}
            >
              <span aria-hidden="true">■</span> Cancel
            </Button>
          )}
        </div>
      </header>
      {browserOpen && (
        <SchemaBrowser
          id={`${ids}-browser`}
          catalog={catalogEntry?.catalog}
          schema={schema}
          loading={catalogEntry?.loading ?? true}
          error={catalogEntry?.error?.message}
          onPreviewTable={(table) => {
            update({ sql: `SELECT * FROM ${table} LIMIT 100;` });
            setBrowserOpen(false);
            setTimeout(() => execute(), 0);
          }}
        />
      )}
      <div className="border-b border-line">
        {hydrated ? (
          <SqlEditor
            modelPath={`${workspace}-${pane}`}
            ariaLabel={`SQL for ${label}`}
            value={state.sql}
            onChange={(sql) => update({ sql })}
            onRun={execute}
            onCancel={cancel}
            catalog={catalogEntry?.catalog}
            error={
              sameDatabaseRun?.status === "error" && sameDatabaseRun.sql === state.sql && !isRateLimited(sameDatabaseRun.error?.code)
                ? sameDatabaseRun.error
                : undefined
            }
            height={editorHeight}
            fontSize={presenter ? 18 : 14}
          />
        ) : (
          <div style={{ height: editorHeight }} className="animate-pulse bg-surface-2" aria-hidden="true" />
        )}
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-2 p-3" aria-live="polite">
        {!run && <p className="py-2 text-sm text-faint">Run the query to see the result here.</p>}
        {run?.status === "running" && <p className="py-2 text-sm text-muted">Running on {DATABASE_META[run.database].name}…</p>}
        {run?.status === "cancelled" && (
          <CancelledNotice database={run.database} cancelledAfterMs={run.cancelledAfterMs ?? 0} stoppedInMs={run.stoppedInMs} />
        )}
        {run?.status === "error" && run.error && isRateLimited(run.error.code) && (
          <RateLimitNotice
            key={run.finishedAt}
            retryAfterMs={run.error.retryAfterMs}
            receivedAt={run.finishedAt}
            message={run.error.message}
          />
        )}
        {run?.status === "error" && run.error && !isRateLimited(run.error.code) && (
          <div role="alert" className="rounded-lg border border-bad/40 bg-bad/10 px-3 py-2 text-sm" data-testid="query-error">
            <p className="font-semibold text-bad">
              {DATABASE_META[run.database].name} error
              {run.error.line !== undefined && (
                <span className="font-normal">
                  {" "}
                  at line {run.error.line}
                  {run.error.column !== undefined ? `, column ${run.error.column}` : ""}
                </span>
              )}
              <span className="ml-2 font-mono text-xs font-normal text-muted">{run.error.code}</span>
            </p>
            <p className="mt-1 font-mono text-code break-words whitespace-pre-wrap">{run.error.message}</p>
          </div>
        )}
        {run?.status === "done" && run.result && (
          <>
            <div className="flex items-center justify-between gap-2">
              <RunSummary result={run.result} />
              <ResultActions result={run.result} fileStem={`fomo-${run.database}`} />
            </div>
            <ResultView
              result={run.result}
              database={run.database}
              label={`Result from ${DATABASE_META[run.database].name}`}
              maxHeight={resultHeight}
              chart={resultChart}
              isCellActionable={isCellActionable}
              onCellAction={onCellAction}
            />
          </>
        )}
      </div>
    </section>
  );
}
