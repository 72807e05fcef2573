/**
 * Builds the Monaco instance the app uses, from the local `monaco-editor` package only:
 * the core API, the editor features a SQL editor needs, the SQL grammar, and a locally bundled
 * worker. Imported only from client code loaded with `ssr: false`.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard";
import "monaco-editor/editor/contrib/comment/browser/comment";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo";
import "monaco-editor/editor/contrib/find/browser/findController";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor";
import "monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations";
import "monaco-editor/editor/standalone/browser/iPadShowKeyboard/iPadShowKeyboard";
import "monaco-editor/features/codicon/register";
import "monaco-editor/languages/definitions/sql/register";

globalThis.MonacoEnvironment = {
  getWorker: () => new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: "monaco-editor-worker" }),
};

monaco.editor.defineTheme("fomo-light", {
  base: "vs",
  inherit: true,
  rules: [{ token: "keyword", foreground: "7c3aed", fontStyle: "bold" }],
  colors: { "editor.background": "#ffffff", "editorLineNumber.foreground": "#94a3b8", "editor.lineHighlightBackground": "#f8fafc" },
});
monaco.editor.defineTheme("fomo-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "keyword", foreground: "c4b5fd", fontStyle: "bold" }],
  colors: { "editor.background": "#0f172a", "editorLineNumber.foreground": "#475569", "editor.lineHighlightBackground": "#111c33" },
});

export { monaco };
