import { LAST_STEP, STORY_STEPS } from "@/lib/story/steps";
import { Button } from "@/components/ui/button";

/** Previous / next, always at the bottom of the screen, with the step names spelled out. */
export function StepFooter({ stepIndex, onPrevious, onNext }: { stepIndex: number; onPrevious: () => void; onNext: () => void }) {
  const previous = STORY_STEPS[stepIndex - 1];
  const next = STORY_STEPS[stepIndex + 1];
  return (
    <footer className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-bg/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1840px] items-center justify-between gap-4 px-4 xl:px-6">
        <Button tone="ghost" onClick={onPrevious} disabled={!previous} aria-label={previous ? `Previous step: ${previous.short}` : "Previous step"} data-testid="previous-step">
          <span aria-hidden="true">←</span> {previous ? previous.short : "Start"}
        </Button>
        <p className="text-xs text-faint tabular">
          Step {stepIndex} of {LAST_STEP} · <kbd className="font-mono">←</kbd> <kbd className="font-mono">→</kbd> to move · <kbd className="font-mono">?</kbd> for shortcuts
        </p>
        <Button tone={next ? "primary" : "neutral"} onClick={onNext} disabled={!next} aria-label={next ? `Next step: ${next.short}` : "The end: no next step"} data-testid="next-step">
          {next ? next.short : "The end"} <span aria-hidden="true">→</span>
        </Button>
      </div>
    </footer>
  );
}
