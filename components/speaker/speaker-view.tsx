"use client";

import { useCallback, useState } from "react";
import { useStackStatus } from "@/lib/client/use-stack-status";
import { nextPosition, previousPosition, type DeckPosition } from "@/lib/story/deck-position";
import type { DeckStateMessage } from "@/lib/story/deck-message";
import { stepById } from "@/lib/story/steps";
import { PipelineStatusBanner } from "@/components/status/pipeline-status-banner";
import { useDeckSync } from "@/components/story/use-deck-sync";
import { useStoryKeys } from "@/components/story/use-story-keys";
import { Button } from "@/components/ui/button";
import { SpeakerNotesList } from "./speaker-notes-list";
import { SpeakerTimer } from "./speaker-timer";
import { StepPreview } from "./step-preview";
import { useSpeakerPosition } from "./use-speaker-position";

/**
 * The speaker view, in its own window: current and next step, the notes, a timer and a clock, the
 * pipeline's live state. Its keys move the audience window too, and the audience's move it.
 */
export function SpeakerView() {
  const [position, setPosition] = useSpeakerPosition();
  const [blanked, setBlanked] = useState(false);
  const { pipeline } = useStackStatus();

  const onRemote = useCallback(
    (message: DeckStateMessage) => {
      setBlanked(message.blanked);
      setPosition({ stepId: message.stepId, fragment: message.fragment });
    },
    [setPosition],
  );
  const { announce } = useDeckSync({ role: "speaker", position, blanked, onRemote });

  const go = useCallback(
    (target: DeckPosition | undefined) => {
      if (!target) return;
      setPosition(target);
      announce(target, blanked);
    },
    [announce, blanked, setPosition],
  );
  const next = useCallback(() => go(nextPosition(position)), [go, position]);
  const previous = useCallback(() => go(previousPosition(position)), [go, position]);
  const toggleBlank = useCallback(() => {
    setBlanked(!blanked);
    announce(position, !blanked);
  }, [announce, blanked, position]);
  useStoryKeys({ next, previous, toggleBlank });

  const step = stepById(position.stepId);
  return (
    <div
      className="flex h-screen flex-col gap-4 p-5"
      data-testid="speaker-view"
      data-step-id={position.stepId}
      data-fragment={position.fragment}
    >
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <p className="text-xs font-semibold tracking-[0.14em] text-muted uppercase">FOMO · Speaker view</p>
          <h1 className="text-lg font-semibold">
            Step {step.index} · {step.short}
          </h1>
        </div>
        <SpeakerTimer />
        <div className="flex items-center gap-2">
          <Button tone="ghost" onClick={previous} disabled={!previousPosition(position)} data-testid="speaker-previous">
            <span aria-hidden="true">←</span> Back
          </Button>
          <Button tone={blanked ? "danger" : "neutral"} onClick={toggleBlank} aria-pressed={blanked} data-testid="speaker-blank">
            {blanked ? "Audience screen blank (B)" : "Blank the screen (B)"}
          </Button>
          <Button tone="primary" onClick={next} disabled={!nextPosition(position)} data-testid="speaker-next">
            Next <span aria-hidden="true">→</span>
          </Button>
        </div>
      </header>
      <PipelineStatusBanner pipeline={pipeline} label="Live pipeline status" compact />
      <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-h-0 flex-col gap-4">
          <StepPreview label="Now showing" position={position} large testId="speaker-current" />
          <SpeakerNotesList position={position} />
        </div>
        <div className="flex min-h-0 flex-col gap-4">
          <StepPreview label="Up next" position={nextPosition(position)} testId="speaker-next-step" />
          <p className="text-sm text-muted">
            <kbd className="font-mono">→</kbd>/<kbd className="font-mono">PageDown</kbd> and <kbd className="font-mono">←</kbd>/
            <kbd className="font-mono">PageUp</kbd> move both windows; <kbd className="font-mono">B</kbd> blanks the audience screen. Keys
            work in either window.
          </p>
        </div>
      </div>
    </div>
  );
}
