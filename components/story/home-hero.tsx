"use client";

import Link from "next/link";
import { useWorkspace } from "@/lib/client/workspace-store";
import { STORY_STEPS, stepById } from "@/lib/story/steps";
import { useWorkspaceHydrated } from "@/lib/client/use-hydrated";
import { AppHeader } from "@/components/layout/app-header";

/** The front door: what FOMO shows, one button into the story (or back to where you left off). */
export function HomeHero() {
  const hydrated = useWorkspaceHydrated();
  const lastStep = useWorkspace((s) => s.lastStep);
  const visited = useWorkspace((s) => s.visitedSteps.length);
  const resumeStep = hydrated && visited > 0 && lastStep ? stepById(lastStep) : undefined;
  const resume = resumeStep && resumeStep.index > 0 ? resumeStep : undefined;
  return (
    <>
      <AppHeader active="home" />
      <section
        aria-labelledby="home-title"
        className="mx-auto grid max-w-[1840px] gap-10 px-4 pt-12 pb-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] xl:px-6"
      >
        <div>
          <p className="text-xs font-semibold tracking-[0.14em] text-kf uppercase">A live demo · real Kafka, real warehouse</p>
          <h1 id="home-title" className="mt-3 text-4xl font-semibold tracking-tight text-balance xl:text-5xl">
            The data your warehouse hasn&apos;t got yet is already in Kafka.
          </h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed text-muted">
            Follow an analyst through one investigation: first the usual way, through a pipeline into the warehouse, then straight against
            Kafka with plain SQL. Same queries, side by side, live.
          </p>
          <div className="mt-8 flex flex-wrap items-center gap-3">
            <Link
              prefetch={false}
              href={resume ? `/story/${resume.index}` : "/story/0"}
              className="inline-flex h-11 items-center gap-2 rounded-xl bg-fg px-5 text-base font-semibold text-bg hover:opacity-90"
              data-testid="start-story"
            >
              {resume ? `Continue at step ${resume.index}: ${resume.short}` : "Start the story"} <span aria-hidden="true">→</span>
            </Link>
            {resume && (
              <Link
                prefetch={false}
                href="/story/0"
                className="inline-flex h-11 items-center rounded-xl border border-line-strong px-4 text-sm font-medium hover:bg-surface-2"
              >
                Start from the beginning
              </Link>
            )}
            <Link
              prefetch={false}
              href="/lab"
              className="inline-flex h-11 items-center rounded-xl border border-line-strong px-4 text-sm font-medium hover:bg-surface-2"
            >
              Open the SQL lab
            </Link>
          </div>
          <p className="mt-4 text-sm text-faint">
            Presenting? Press <kbd className="rounded border border-line-strong px-1.5 font-mono text-xs">P</kbd> in the story to open the
            speaker view (notes, timer, next step) in its own window; arrow keys or a clicker move both windows,{" "}
            <kbd className="rounded border border-line-strong px-1.5 font-mono text-xs">B</kbd> blanks the screen.
          </p>
        </div>
        <ol className="self-center rounded-2xl border border-line bg-surface p-5 text-sm shadow-sm" aria-label="The six steps">
          {STORY_STEPS.map((step) => (
            <li key={step.id}>
              <Link
                prefetch={false}
                href={`/story/${step.index}`}
                className="flex items-baseline gap-3 rounded-lg px-2 py-2 hover:bg-surface-2"
              >
                <span className="w-5 font-mono text-faint tabular">{step.index}</span>
                <span className="font-medium">{step.short}</span>
                <span className="truncate text-muted">{step.title}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
