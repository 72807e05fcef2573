import type { DeckPosition } from "@/lib/story/deck-position";
import { stepById } from "@/lib/story/steps";
import { InlineMarkdown } from "@/components/ui/inline-markdown";

/** A step (and fragment) as the speaker view shows it: where it is, its title and lead. */
export function StepPreview({
  label,
  position,
  large = false,
  testId,
}: {
  label: string;
  position: DeckPosition | undefined;
  large?: boolean;
  testId: string;
}) {
  if (!position) {
    return (
      <section className="rounded-2xl border border-dashed border-line-strong p-4" aria-label={label} data-testid={testId}>
        <p className="text-xs font-semibold tracking-[0.14em] text-muted uppercase">{label}</p>
        <p className="mt-1 text-lg font-semibold">The end: offer the SQL lab and the Kafka explorer.</p>
      </section>
    );
  }
  const step = stepById(position.stepId);
  const fragments = step.fragments ?? [];
  const fragment = fragments[position.fragment];
  return (
    <section
      className="rounded-2xl border border-line bg-surface p-4 shadow-sm"
      aria-label={label}
      data-testid={testId}
      data-step-id={step.id}
      data-fragment={position.fragment}
    >
      <p className="text-xs font-semibold tracking-[0.14em] text-muted uppercase">{label}</p>
      <p className="mt-1 text-sm font-semibold text-kf">
        Step {step.index} · {step.short}
        {fragment && ` · part ${position.fragment + 1} of ${fragments.length}: ${fragment.label}`}
      </p>
      <h2 className={`mt-1 font-semibold tracking-tight text-balance ${large ? "text-3xl" : "text-xl"}`}>{step.title}</h2>
      <p className={`mt-1 text-muted ${large ? "text-lg" : "text-base"}`}>
        <InlineMarkdown text={step.lead} />
      </p>
    </section>
  );
}
