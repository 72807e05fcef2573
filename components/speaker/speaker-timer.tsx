"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const twoDigits = (n: number) => String(n).padStart(2, "0");

function elapsedText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const clock = `${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}

function subscribeToSeconds(onChange: () => void): () => void {
  const timer = setInterval(onChange, 250);
  return () => clearInterval(timer);
}

// Whole seconds, so the snapshot stays the same between ticks within one second.
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;

/** Time since the view opened (Reset when you start speaking) and the wall clock, as reveal.js shows them. */
export function SpeakerTimer() {
  const now = useSyncExternalStore(subscribeToSeconds, currentSecond, () => null);
  // Runs in the browser at hydration (state is not sent from the server).
  const [startedAt, setStartedAt] = useState(currentSecond);
  const elapsed = now !== null ? Math.max(0, now - startedAt) : 0;
  return (
    <div className="flex items-center gap-5">
      <div>
        <p className="text-xs font-semibold tracking-[0.14em] text-muted uppercase">Elapsed</p>
        <p className="font-mono text-3xl font-semibold tabular" data-testid="speaker-elapsed" aria-live="off">
          {elapsedText(elapsed)}
        </p>
      </div>
      <Button size="sm" tone="neutral" onClick={() => setStartedAt(currentSecond())} data-testid="speaker-reset-timer">
        Reset
      </Button>
      <div>
        <p className="text-xs font-semibold tracking-[0.14em] text-muted uppercase">Clock</p>
        <p className="font-mono text-3xl font-semibold tabular" data-testid="speaker-clock">
          {now !== null ? new Date(now).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) : "--:--"}
        </p>
      </div>
    </div>
  );
}
