"use client";

import Link from "next/link";
import { useWorkspace } from "@/lib/client/workspace-store";
import { STORY_STEPS, stepById, type StepId } from "@/lib/story/steps";

/** Six numbered stops; the current one is filled, visited ones are ticked. */
export function StoryProgress({ current }: { current: StepId }) {
  const visited = useWorkspace((s) => s.visitedSteps);
  const currentIndex = stepById(current).index;
  return (
    <nav aria-label="Story progress">
      <ol className="flex items-center gap-1">
        {STORY_STEPS.map((step) => {
          const isCurrent = step.id === current;
          const done = visited.includes(step.id) && !isCurrent;
          return (
            <li key={step.id} className="flex items-center gap-1">
              {step.index > 0 && (
                <span aria-hidden="true" className={`h-px w-3 xl:w-5 ${step.index <= currentIndex ? "bg-fg/40" : "bg-line-strong"}`} />
              )}
              <Link
                prefetch={false}
                href={`/story/${step.index}`}
                aria-current={isCurrent ? "step" : undefined}
                aria-label={`Step ${step.index}: ${step.short}${done ? " (visited)" : ""}`}
                className={`group flex items-center gap-1.5 rounded-full py-1 pr-2.5 pl-1 text-xs font-medium transition ${isCurrent ? "bg-fg text-bg" : "text-muted hover:bg-surface-2 hover:text-fg"}`}
              >
                <span
                  className={`flex h-5 w-5 items-center justify-center rounded-full text-2xs tabular ${isCurrent ? "bg-bg text-fg" : done ? "bg-ok/15 text-ok" : "border border-line-strong"}`}
                  aria-hidden="true"
                >
                  {done ? "✓" : step.index}
                </span>
                <span className={`whitespace-nowrap ${isCurrent ? "" : "hidden 2xl:inline"}`}>{step.short}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
