import type { PipelineTone } from "@/lib/status/pipeline-wording";

/** Classes of a service card and its badge by tone (literal strings, so Tailwind finds them). */
export const BADGE_STYLE: Record<PipelineTone, { border: string; pill: string; dot: string; hint: string }> = {
  ok: { border: "border-line", pill: "bg-ok/12 text-ok", dot: "bg-ok", hint: "bg-surface-2" },
  warn: { border: "border-warn/60", pill: "bg-warn/12 text-warn", dot: "bg-warn", hint: "bg-warn/8" },
  bad: { border: "border-bad/60", pill: "bg-bad/12 text-bad", dot: "bg-bad", hint: "bg-bad/8" },
};
