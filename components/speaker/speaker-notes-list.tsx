import type { DeckPosition } from "@/lib/story/deck-position";
import { notesFor } from "@/lib/story/speaker-notes";
import { stepById } from "@/lib/story/steps";

/** What to say now: the current fragment's notes first and highlighted, then the step's. */
export function SpeakerNotesList({ position }: { position: DeckPosition }) {
  const step = stepById(position.stepId);
  const notes = notesFor(step.id, step.fragments?.[position.fragment]?.id);
  return (
    <section
      aria-labelledby="speaker-notes-title"
      className="min-h-0 flex-1 overflow-auto rounded-2xl border border-warn/40 bg-surface p-5"
      data-testid="speaker-notes"
    >
      <h2 id="speaker-notes-title" className="text-xs font-semibold tracking-[0.14em] text-warn uppercase">
        Notes
      </h2>
      <ul className="mt-3 list-disc space-y-3 pl-6 text-xl leading-relaxed">
        {notes.fragment.map((note) => (
          <li key={note} className="font-semibold" data-testid="fragment-note">
            {note}
          </li>
        ))}
        {notes.step.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
