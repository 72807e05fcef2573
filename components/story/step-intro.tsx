import type { StoryStep } from "@/lib/story/steps";
import { InlineMarkdown } from "@/components/ui/inline-markdown";

/** Step number, title and narrative. Presenters talk over the extra paragraphs, so they hide them. */
export function StepIntro({ step, presenter }: { step: StoryStep; presenter: boolean }) {
  const showBody = !presenter && step.body.length > 0;
  return (
    // Without the side paragraphs (presenter mode) the lead takes the whole width: fewer lines, more room below.
    <section
      aria-labelledby="step-title"
      className={`grid gap-x-10 gap-y-2 ${showBody ? "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}`}
    >
      <div>
        {/* Presenter mode leaves the step number to the progress bar above: a projector needs the rows more. */}
        {!presenter && (
          <p className="text-xs font-semibold tracking-[0.14em] text-kf uppercase">
            Step {step.index} · {step.short}
          </p>
        )}
        <h1 id="step-title" className="mt-1 text-2xl font-semibold tracking-tight text-balance xl:text-3xl">
          {step.title}
        </h1>
        <p className={`mt-2 ${showBody ? "max-w-3xl" : "max-w-6xl"} text-body leading-relaxed text-muted xl:text-base`}>
          <InlineMarkdown text={step.lead} />
        </p>
      </div>
      {showBody && (
        <div className="space-y-1.5 self-end border-l-2 border-line pl-4 text-sm leading-relaxed text-muted">
          {step.body.map((paragraph) => (
            <p key={paragraph}>
              <InlineMarkdown text={paragraph} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
