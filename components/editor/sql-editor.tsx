"use client";

import dynamic from "next/dynamic";
import type { SqlEditorProps } from "./sql-editor-impl";

/** Monaco is loaded on demand in the browser only, so pages without an editor stay light. */
const SqlEditorImpl = dynamic(() => import("./sql-editor-impl"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-md bg-surface-2" aria-hidden="true" />,
});

export function SqlEditor(props: SqlEditorProps) {
  return (
    <div style={{ height: props.height }} data-testid={`editor-${props.modelPath}`} data-error-line={props.error?.line ?? ""}>
      <SqlEditorImpl {...props} />
    </div>
  );
}
