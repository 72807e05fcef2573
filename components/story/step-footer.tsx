import Link from "next/link";
import { isLastPosition, nextPosition, previousPosition, type DeckPosition } from "@/lib/story/deck-position";
import { LAST_STEP, stepById } from "@/lib/story/steps";
import { Button } from "@/components/ui/button";

/** The name of where a move goes: a fragment's label within a step, else the step's short name. */
function targetName(from: DeckPosition, to: DeckPosition | undefined): string | undefined {
  if (!to) return undefined;
  const step = stepById(to.stepId);
  return to.stepId === from.stepId ? (step.fragments?.[to.fragment]?.label ?? step.short) : step.short;
}

/**
 * Previous / next, always at the bottom of the screen, with where they go spelled out (a step or,
 * within step 5, a fragment). At the very end, the next action is the SQL lab.
 */
export function StepFooter({ position, onPrevious, onNext }: { position: DeckPosition; onPrevious: () => void; onNext: () => void }) {
  const step = stepById(position.stepId);
  const previous = targetName(position, previousPosition(position));
  const next = targetName(position, nextPosition(position));
  const fragments = step.fragments?.length ?? 0;
  return (
    <footer className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-bg/90 backdrop-blur" data-testid="story-footer">
      <div className="mx-auto flex h-14 max-w-[1840px] items-center justify-between gap-4 px-4 xl:px-6">
        <Button
          tone="ghost"
          onClick={onPrevious}
          disabled={!previous}
          aria-label={previous ? `Previous: ${previous}` : "Previous step"}
          data-testid="previous-step"
        >
          <span aria-hidden="true">←</span> {previous ?? "Start"}
        </Button>
        <p className="text-xs text-faint tabular">
          Step {step.index} of {LAST_STEP}
          {fragments > 1 && ` · part ${position.fragment + 1} of ${fragments}`} · <kbd className="font-mono">←</kbd>{" "}
          <kbd className="font-mono">→</kbd> to move · <kbd className="font-mono">?</kbd> for shortcuts
        </p>
        {isLastPosition(position) ? (
          <Link
            prefetch={false}
            href="/lab"
            className="inline-flex h-9 items-center gap-1.5 rounded-lg bg-fg px-3.5 text-sm font-medium whitespace-nowrap text-bg hover:opacity-90"
            data-testid="next-step"
          >
            Open the SQL lab <span aria-hidden="true">→</span>
          </Link>
        ) : (
          <Button tone="primary" onClick={onNext} aria-label={`Next: ${next}`} data-testid="next-step">
            {next} <span aria-hidden="true">→</span>
          </Button>
        )}
      </div>
    </footer>
  );
}
