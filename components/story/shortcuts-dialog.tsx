"use client";

import { useEffect, useRef } from "react";

const SHORTCUTS: [string, string][] = [
  ["→  or  Page Down", "Next step (or the step's next part)"],
  ["←  or  Page Up", "Previous step (or part)"],
  ["Ctrl+Enter  /  ⌘+Enter", "Run the query in the focused editor"],
  ["Ctrl+.  /  ⌘+.", "Cancel the running query (the focused editor's, else all)"],
  ["P", "Open the speaker view: notes, timer, next step"],
  ["B  or  .", "Blank the screen / show it again"],
  ["?", "Show or hide this list"],
  ["Esc", "Close this list; leave the editor with Esc then Tab"],
];

/** The list of keyboard shortcuts, opened with `?`. A native <dialog> traps focus and closes on Esc. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(32rem,92vw)] rounded-2xl border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-slate-950/50"
    >
      <div className="p-6">
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-4 divide-y divide-line">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={keys} className="flex items-center justify-between gap-4 py-2.5 text-sm">
              <dt>
                <kbd className="rounded-md border border-line-strong bg-surface-2 px-2 py-1 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd className="text-right text-muted">{action}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-5 flex justify-end">
          <button type="button" onClick={onClose} className="h-9 rounded-lg bg-fg px-4 text-sm font-medium text-bg" autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
