"use client";

import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { usePreferences } from "@/lib/client/preferences-store";
import { useResults } from "@/lib/client/results-store";
import { useWorkspace } from "@/lib/client/workspace-store";
import { LAST_STEP, STORY_STEPS } from "@/lib/story/steps";
import { AppHeader } from "@/components/layout/app-header";
import { IconButton } from "@/components/ui/icon-button";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SpeakerNotes } from "./speaker-notes";
import { StepContent } from "./step-content";
import { StepFooter } from "./step-footer";
import { StepIntro } from "./step-intro";
import { StoryProgress } from "./story-progress";
import { useStoryKeys } from "./use-story-keys";

/** One story step: header with progress, the step's narrative and content, prev/next, shortcuts. */
export function StoryShell({ stepIndex }: { stepIndex: number }) {
  const router = useRouter();
  const step = STORY_STEPS[stepIndex]!;
  const [helpOpen, setHelpOpen] = useState(false);
  const presenter = usePreferences((s) => s.presenter);

  useEffect(() => {
    useWorkspace.getState().visitStep(stepIndex);
    // Prefetch the neighbours so the clicker feels instant.
    if (stepIndex < LAST_STEP) router.prefetch(`/story/${stepIndex + 1}`);
    if (stepIndex > 0) router.prefetch(`/story/${stepIndex - 1}`);
  }, [stepIndex, router]);

  const go = useCallback((index: number) => {
    if (index >= 0 && index <= LAST_STEP) router.push(`/story/${index}`);
  }, [router]);
  const next = useCallback(() => go(stepIndex + 1), [go, stepIndex]);
  const previous = useCallback(() => go(stepIndex - 1), [go, stepIndex]);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const togglePresenter = useCallback(() => {
    const state = usePreferences.getState();
    state.setPresenter(!state.presenter);
  }, []);
  useStoryKeys({ next, previous, toggleHelp, togglePresenter });

  const reset = () => {
    if (!window.confirm("Start the story again? Your edits to the story's queries will be cleared.")) return;
    useWorkspace.getState().resetStory();
    const results = useResults.getState();
    Object.keys(results.runs).filter((key) => key.startsWith("story-")).forEach((key) => results.clear(key));
    router.push("/story/0");
  };

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        active="story"
        center={<StoryProgress current={stepIndex} />}
        onHelp={toggleHelp}
        extra={
          <IconButton label="Reset the story (progress and queries)" onClick={reset} data-testid="reset-story">
            <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
            <path d="M3 3v5h5" />
          </IconButton>
        }
      />
      <main id="main" className="mx-auto flex w-full max-w-[1840px] flex-1 flex-col gap-5 px-4 pt-5 pb-24 xl:px-6" data-step={stepIndex}>
        <StepIntro step={step} presenter={presenter} />
        <StepContent step={step} />
      </main>
      {presenter && <SpeakerNotes notes={step.notes} />}
      <StepFooter stepIndex={stepIndex} onPrevious={previous} onNext={next} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
