"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useDeckScreen } from "@/lib/client/deck-screen-store";
import { usePreferences } from "@/lib/client/preferences-store";
import { useResults } from "@/lib/client/results-store";
import { useWorkspace } from "@/lib/client/workspace-store";
import { nextPosition, positionHref, previousPosition, type DeckPosition } from "@/lib/story/deck-position";
import type { DeckStateMessage } from "@/lib/story/deck-message";
import { STORY_STEPS } from "@/lib/story/steps";
import { AppHeader } from "@/components/layout/app-header";
import { IconButton } from "@/components/ui/icon-button";
import { BlankScreen } from "./blank-screen";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { openSpeakerWindow } from "./speaker-window";
import { StepContent } from "./step-content";
import { StepFooter } from "./step-footer";
import { StepIntro } from "./step-intro";
import { StoryProgress } from "./story-progress";
import { useDeckSync } from "./use-deck-sync";
import { setFragmentParam, useFragmentParam } from "./use-fragment-param";
import { useStoryKeys } from "./use-story-keys";

/** One story step: header with progress, the step's narrative and content, prev/next, shortcuts. */
export function StoryShell({ stepIndex }: { stepIndex: number }) {
  const router = useRouter();
  const step = STORY_STEPS[stepIndex]!;
  const fragment = useFragmentParam(step);
  const position = useMemo<DeckPosition>(() => ({ stepId: step.id, fragment }), [step.id, fragment]);
  const [helpOpen, setHelpOpen] = useState(false);
  const presenter = usePreferences((s) => s.presenter);
  const blanked = useDeckScreen((s) => s.blanked);

  useEffect(() => {
    useWorkspace.getState().visitStep(step.id);
    // Prefetch the neighbours so the clicker feels instant.
    const next = STORY_STEPS[step.index + 1];
    const previous = STORY_STEPS[step.index - 1];
    if (next) router.prefetch(`/story/${next.index}`);
    if (previous) router.prefetch(`/story/${previous.index}`);
  }, [step, router]);

  const show = useCallback(
    (target: DeckPosition) => {
      if (target.stepId === step.id) setFragmentParam(target.fragment);
      else router.push(positionHref(target));
    },
    [step.id, router],
  );
  const onRemote = useCallback(
    (message: DeckStateMessage) => {
      useDeckScreen.setState({ blanked: message.blanked });
      show({ stepId: message.stepId, fragment: message.fragment });
    },
    [show],
  );
  const { announce } = useDeckSync({ role: "audience", position, blanked, onRemote });

  const go = useCallback(
    (target: DeckPosition | undefined) => {
      if (!target) return;
      announce(target, useDeckScreen.getState().blanked);
      show(target);
    },
    [announce, show],
  );
  const next = useCallback(() => go(nextPosition(position)), [go, position]);
  const previous = useCallback(() => go(previousPosition(position)), [go, position]);
  const showFragment = useCallback((index: number) => go({ stepId: step.id, fragment: index }), [go, step.id]);
  const toggleBlank = useCallback(() => {
    const nowBlanked = !useDeckScreen.getState().blanked;
    useDeckScreen.setState({ blanked: nowBlanked });
    announce(position, nowBlanked);
  }, [announce, position]);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const openSpeaker = useCallback(() => openSpeakerWindow(position), [position]);
  useStoryKeys({ next, previous, toggleBlank, toggleHelp, openSpeaker });

  const reset = () => {
    if (!window.confirm("Start the story again? Your edits to the story's queries will be cleared.")) return;
    useWorkspace.getState().resetStory();
    const results = useResults.getState();
    Object.keys(results.runs)
      .filter((key) => key.startsWith("story-"))
      .forEach((key) => results.clear(key));
    router.push("/story/0");
  };

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        active="story"
        center={<StoryProgress current={step.id} />}
        onHelp={toggleHelp}
        extra={
          <>
            <IconButton label="Open the speaker view (P)" onClick={openSpeaker} data-testid="open-speaker-view">
              <rect x="2" y="5" width="9" height="12" rx="1" />
              <rect x="13" y="5" width="9" height="12" rx="1" />
              <path d="M15.5 9h4M15.5 12h4M4.5 9h4" />
            </IconButton>
            <IconButton label="Reset the story (progress and queries)" onClick={reset} data-testid="reset-story">
              <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
              <path d="M3 3v5h5" />
            </IconButton>
          </>
        }
      />
      <main
        id="main"
        className="mx-auto flex w-full max-w-[1840px] flex-1 flex-col gap-5 px-4 pt-5 pb-16 xl:px-6 [@media(max-height:800px)]:gap-4 [@media(max-height:800px)]:pt-4"
        data-step={step.index}
        data-step-id={step.id}
        data-fragment={fragment}
      >
        <StepIntro step={step} presenter={presenter} />
        <StepContent step={step} fragment={fragment} onShowFragment={showFragment} />
      </main>
      <StepFooter position={position} onPrevious={previous} onNext={next} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      {blanked && <BlankScreen onResume={toggleBlank} />}
    </div>
  );
}
