"use client";

/** The audience screen while blanked (B): black, nothing else, like reveal.js's pause. A click shows it again. */
export function BlankScreen({ onResume }: { onResume: () => void }) {
  return (
    <div className="fixed inset-0 z-[100] cursor-none bg-black" role="presentation" onClick={onResume} data-testid="blank-screen">
      <p className="sr-only" role="status">
        Screen blanked. Press B to show it again.
      </p>
    </div>
  );
}
