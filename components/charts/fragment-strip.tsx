"use client";

import type { StoryFragment } from "@/lib/story/steps";

/** Which part of the step is showing, and the parts to come: → / PageDown moves along it. */
export function FragmentStrip({
  fragments,
  current,
  onShow,
}: {
  fragments: readonly StoryFragment[];
  current: number;
  onShow: (index: number) => void;
}) {
  return (
    <nav aria-label="Parts of this step">
      <ol className="flex flex-wrap items-center gap-1.5">
        {fragments.map((fragment, index) => (
          <li key={fragment.id}>
            <button
              type="button"
              onClick={() => onShow(index)}
              aria-current={index === current ? "step" : undefined}
              className={`flex items-center gap-1.5 rounded-full border py-1 pr-3 pl-1 text-sm font-medium transition ${index === current ? "border-fg bg-fg text-bg" : index < current ? "border-line-strong text-fg hover:bg-surface-2" : "border-line text-muted hover:bg-surface-2"}`}
              data-testid={`fragment-${fragment.id}`}
            >
              <span
                className={`flex h-5 w-5 items-center justify-center rounded-full text-xs tabular ${index === current ? "bg-bg text-fg" : "border border-line-strong"}`}
                aria-hidden="true"
              >
                {index + 1}
              </span>
              {fragment.label}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
