import type { ReactNode } from "react";
import type { PipelineSummary } from "@/lib/api/status";
import type { PipelineTone } from "@/lib/status/pipeline-wording";

/** Each tone has a colour and a glyph of its own, so the state never rests on colour alone. */
const TONE_STYLE: Record<PipelineTone, { box: string; mark: string; glyph: string }> = {
  ok: { box: "border-line bg-surface", mark: "bg-ok text-white dark:text-slate-950", glyph: "✓" },
  warn: { box: "border-warn/50 bg-warn/8", mark: "bg-warn text-white dark:text-slate-950", glyph: "!" },
  bad: { box: "border-bad/60 bg-bad/8", mark: "bg-bad text-white dark:text-slate-950", glyph: "✕" },
};

/**
 * The pipeline's state as one banner (step 5, step 1, the home page): a headline that screen
 * readers announce when it changes, a sentence on what it means, and room for controls.
 */
export function PipelineStatusBanner({
  pipeline,
  label = "Pipeline status",
  compact = false,
  children,
  aside,
}: {
  pipeline: PipelineSummary;
  label?: string;
  /** One line of detail and less padding, where the page below must stay on a 720-pixel screen. */
  compact?: boolean;
  children?: ReactNode;
  aside?: ReactNode;
}) {
  const style = TONE_STYLE[pipeline.tone];
  return (
    <section
      aria-label={label}
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border ${compact ? "px-4 py-2.5" : "p-4"} ${style.box}`}
      data-testid="pipeline-banner"
      data-state={pipeline.state}
      data-tone={pipeline.tone}
    >
      <div className="flex min-w-0 flex-1 basis-[28rem] items-start gap-3">
        <span
          className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${style.mark} ${pipeline.tone === "ok" ? "animate-pulse" : ""}`}
          aria-hidden="true"
        >
          {style.glyph}
        </span>
        <div className="min-w-0">
          <p
            className={`${compact ? "line-clamp-1" : "line-clamp-2"} font-semibold break-words`}
            role="status"
            aria-live="polite"
            aria-atomic="true"
            title={pipeline.headline}
            data-testid="pipeline-state"
          >
            {pipeline.headline}
          </p>
          <p
            className={`text-sm text-muted ${compact ? "line-clamp-1" : ""}`}
            title={compact ? pipeline.detail : undefined}
            data-testid="pipeline-detail"
          >
            {/* Compact (one line): the live figures (lag, next batch) go first so the ellipsis never hides them. */}
            {compact && aside}
            {compact && aside ? " " : null}
            {pipeline.detail}
            {!compact && aside}
          </p>
        </div>
      </div>
      {children && <div className="ml-auto flex items-center gap-2">{children}</div>}
    </section>
  );
}
