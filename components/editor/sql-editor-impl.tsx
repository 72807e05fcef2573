"use client";

import { useEffect, useRef } from "react";
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import type { Catalog } from "@/lib/api/catalog";
import type { ClientError } from "@/lib/client/api-client";
import { useResolvedTheme } from "@/lib/client/use-resolved-theme";
import { monaco } from "./monaco-setup";
import { registerSqlCompletions, setModelCatalog } from "./sql-completions";
import { splitStatements, statementAtOffset } from "@/lib/sql/statement-at-cursor";

// Use the bundled Monaco, never the loader's default CDN copy.
loader.config({ monaco });
registerSqlCompletions(monaco);

export interface SqlEditorProps {
  /** Unique per pane; becomes the model URI so each pane keeps its own text and undo stack. */
  modelPath: string;
  ariaLabel: string;
  value: string;
  onChange: (value: string) => void;
  /** `sql` is the part to run (the selection or the statement under the cursor); none means all of it. */
  onRun: (sql?: string) => void;
  /** Ctrl/Cmd+. : cancels this pane's running query (a no-op when none runs). */
  onCancel: () => void;
  catalog: Catalog | undefined;
  /** The last run's error: its line and column are marked in the text. */
  error: ClientError | undefined;
  height: number;
  fontSize: number;
}

type CodeEditor = Parameters<OnMount>[0];

/**
 * What Ctrl/Cmd+Enter runs, as in SQL Lab: the selected text, else the statement under the cursor
 * when the editor holds several; undefined runs the whole text (one statement keeps its error marks).
 */
function partToRun(editor: Pick<CodeEditor, "getModel" | "getSelection" | "getPosition">): string | undefined {
  const model = editor.getModel();
  const selection = editor.getSelection();
  if (!model) return undefined;
  if (selection && !selection.isEmpty()) {
    const selected = model.getValueInRange(selection);
    if (selected.trim()) return selected;
  }
  const script = model.getValue();
  const position = editor.getPosition();
  if (!position || splitStatements(script).length < 2) return undefined;
  return statementAtOffset(script, model.getOffsetAt(position));
}

export default function SqlEditorImpl({
  modelPath,
  ariaLabel,
  value,
  onChange,
  onRun,
  onCancel,
  catalog,
  error,
  height,
  fontSize,
}: SqlEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const decorationsRef = useRef<ReturnType<CodeEditor["createDecorationsCollection"]> | null>(null);
  const onRunRef = useRef(onRun);
  const onCancelRef = useRef(onCancel);
  const theme = useResolvedTheme();

  useEffect(() => {
    onRunRef.current = onRun;
    onCancelRef.current = onCancel;
  }, [onRun, onCancel]);

  const modelUri = monaco.Uri.parse(`inmemory://fomo/${modelPath}.sql`).toString();
  useEffect(() => setModelCatalog(modelUri, catalog), [modelUri, catalog]);
  useEffect(() => () => setModelCatalog(modelUri, undefined), [modelUri]);

  // Mark the error position; cleared as soon as the text changes or a run succeeds.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const line = error?.line;
    if (!error || line === undefined || line < 1 || line > model.getLineCount()) {
      monaco.editor.setModelMarkers(model, "fomo", []);
      decorationsRef.current?.clear();
      return;
    }
    const column = Math.min(Math.max(error.column ?? 1, 1), model.getLineMaxColumn(line));
    const word = model.getWordAtPosition({ lineNumber: line, column });
    const endColumn = word ? word.endColumn : Math.max(column + 1, model.getLineMaxColumn(line));
    monaco.editor.setModelMarkers(model, "fomo", [
      {
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: line,
        startColumn: word ? word.startColumn : column,
        endLineNumber: line,
        endColumn,
      },
    ]);
    decorationsRef.current?.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: "fomo-error-line", linesDecorationsClassName: "fomo-error-gutter" },
      },
    ]);
    editor.revealLineInCenterIfOutsideViewport(line);
  }, [error]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorationsRef.current = editor.createDecorationsCollection();
    // addAction binds the key to this editor only (addCommand would leak to the last editor).
    editor.addAction({
      id: "fomo.run-query",
      label: "Run query",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: (ed) => onRunRef.current(partToRun(ed)),
    });
    // Ctrl/Cmd+. as in macOS's "stop": Esc is taken (it closes the suggestions and leaves the editor).
    editor.addAction({
      id: "fomo.cancel-query",
      label: "Cancel the running query",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Period],
      run: () => onCancelRef.current(),
    });
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (model) monaco.editor.setModelMarkers(model, "fomo", []);
      decorationsRef.current?.clear();
    });
  };

  return (
    <Editor
      path={modelUri}
      defaultLanguage="sql"
      language="sql"
      value={value}
      onChange={(next) => onChange(next ?? "")}
      onMount={handleMount}
      theme={theme === "dark" ? "fomo-dark" : "fomo-light"}
      height={height}
      loading={<div className="h-full w-full animate-pulse bg-surface-2" />}
      options={{
        ariaLabel,
        fontSize,
        fontFamily: "var(--font-mono)",
        lineNumbersMinChars: 3,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        wordWrap: "on",
        automaticLayout: true,
        fixedOverflowWidgets: true,
        padding: { top: 10, bottom: 10 },
        renderLineHighlight: "line",
        overviewRulerLanes: 0,
        scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8 },
        tabSize: 2,
        quickSuggestions: { other: true, comments: false, strings: false },
        suggest: { showWords: false },
        // Enter must always break the line: a suggestion is taken with Tab or a click, so typing
        // `SELECT customerid⏎FROM` at speed never glues the next line onto an accepted word.
        acceptSuggestionOnEnter: "off",
      }}
    />
  );
}
