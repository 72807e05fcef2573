import { describe, expect, it } from "vitest";
import { isLastPosition, nextPosition, parseFragmentParam, positionHref, previousPosition, type DeckPosition } from "./deck-position";
import { STORY_STEPS, stepById } from "./steps";

function walk(from: DeckPosition, step: (p: DeckPosition) => DeckPosition | undefined): DeckPosition[] {
  const seen = [from];
  for (let p = step(from); p; p = step(p)) seen.push(p);
  return seen;
}

describe("deck positions", () => {
  it("PageDown reveals the difference step's fragments in order before it ends", () => {
    const forward = walk({ stepId: "problem", fragment: 0 }, nextPosition);
    expect(forward.map((p) => `${p.stepId}:${p.fragment}`)).toEqual([
      "problem:0",
      "environment:0",
      "workspace:0",
      "warehouse:0",
      "kafka:0",
      "difference:0",
      "difference:1",
      "difference:2",
      "difference:3",
    ]);
    expect(isLastPosition(forward.at(-1)!)).toBe(true);
  });

  it("PageUp hides fragments in reverse, and going back into a step shows it fully revealed", () => {
    const back = walk({ stepId: "difference", fragment: 3 }, previousPosition);
    expect(back.map((p) => `${p.stepId}:${p.fragment}`)).toEqual(
      walk({ stepId: "problem", fragment: 0 }, nextPosition)
        .map((p) => `${p.stepId}:${p.fragment}`)
        .reverse(),
    );
  });

  it("the fragment in a URL is clamped to the step's fragments and ignored when malformed", () => {
    const difference = stepById("difference");
    expect(parseFragmentParam(difference, "2")).toBe(2);
    expect(parseFragmentParam(difference, "99")).toBe(difference.fragments!.length - 1);
    expect(parseFragmentParam(difference, "-1")).toBe(0);
    expect(parseFragmentParam(difference, "x")).toBe(0);
    expect(parseFragmentParam(stepById("warehouse"), "2")).toBe(0);
  });

  it("URLs keep the order (/story/N) and carry the fragment past the first", () => {
    expect(positionHref({ stepId: "difference", fragment: 0 })).toBe(`/story/${stepById("difference").index}`);
    expect(positionHref({ stepId: "difference", fragment: 2 })).toBe(`/story/${stepById("difference").index}?f=2`);
    expect(new Set(STORY_STEPS.map((s) => s.id)).size).toBe(STORY_STEPS.length);
  });
});
