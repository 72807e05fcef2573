import { LAST_STEP, STORY_STEPS, type StepId, type StoryStep } from "./steps";

/** Where the deck is: a step and, for a step with fragments, which fragment is showing. */
export interface DeckPosition {
  stepId: StepId;
  fragment: number;
}

export function lastFragment(step: StoryStep): number {
  return Math.max(0, (step.fragments?.length ?? 0) - 1);
}

function stepOf(position: DeckPosition): StoryStep {
  return STORY_STEPS.find((step) => step.id === position.stepId)!;
}

/** → / PageDown: the step's next fragment, else the next step from its start; undefined at the very end. */
export function nextPosition(position: DeckPosition): DeckPosition | undefined {
  const step = stepOf(position);
  if (position.fragment < lastFragment(step)) return { stepId: step.id, fragment: position.fragment + 1 };
  const next = STORY_STEPS[step.index + 1];
  return next ? { stepId: next.id, fragment: 0 } : undefined;
}

/** ← / PageUp: hides fragments in reverse; going back into a step shows it fully revealed, as reveal.js does. */
export function previousPosition(position: DeckPosition): DeckPosition | undefined {
  const step = stepOf(position);
  if (position.fragment > 0) return { stepId: step.id, fragment: position.fragment - 1 };
  const previous = STORY_STEPS[step.index - 1];
  return previous ? { stepId: previous.id, fragment: lastFragment(previous) } : undefined;
}

export function samePosition(a: DeckPosition | undefined, b: DeckPosition | undefined): boolean {
  return !!a && !!b && a.stepId === b.stepId && a.fragment === b.fragment;
}

export function isLastPosition(position: DeckPosition): boolean {
  const step = stepOf(position);
  return step.index === LAST_STEP && position.fragment >= lastFragment(step);
}

/** A fragment number from a URL (`?f=2`), clamped to the step's fragments; anything else is the first. */
export function parseFragmentParam(step: StoryStep, value: string | null): number {
  if (value === null || !/^\d{1,3}$/.test(value)) return 0;
  return Math.min(Number(value), lastFragment(step));
}

/** The audience URL of a position: /story/N, plus ?f=K past a step's first fragment. */
export function positionHref(position: DeckPosition): string {
  const step = stepOf(position);
  return position.fragment > 0 ? `/story/${step.index}?f=${position.fragment}` : `/story/${step.index}`;
}
