/** Presenter mode only: what to say on this step, pinned above the footer. */
export function SpeakerNotes({ notes }: { notes: string[] }) {
  return (
    <aside aria-label="Speaker notes" className="fixed right-4 bottom-16 z-20 max-h-[40vh] w-[min(30rem,40vw)] overflow-auto rounded-xl border border-warn/40 bg-surface/95 shadow-xl backdrop-blur" data-testid="speaker-notes">
      <details open className="group p-4">
        <summary className="cursor-pointer list-none text-xs font-semibold tracking-[0.14em] text-warn uppercase select-none">
          Speaker notes <span className="ml-1 font-normal normal-case tracking-normal text-faint group-open:hidden">(show)</span>
          <span className="ml-1 hidden font-normal normal-case tracking-normal text-faint group-open:inline">(hide)</span>
        </summary>
        <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm leading-relaxed">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
    </aside>
  );
}
