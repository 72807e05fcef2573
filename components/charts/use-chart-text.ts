"use client";

import { usePreferences } from "@/lib/client/preferences-store";

/** Chart text in px: recharts draws SVG text with a fixed size, so presenter mode must pass a larger one. */
export const CHART_FONT_PX = 12;
export const PRESENTER_CHART_FONT_PX = 18;

/**
 * Axis ticks, tooltips and axis widths for the current mode: 18 px in presenter mode (nothing
 * under 18 px on a 1280x720 projector), 12 px otherwise. Axis widths grow with the text so the
 * labels are not clipped.
 */
export function useChartText() {
  const presenter = usePreferences((s) => s.presenter);
  const fontSize = presenter ? PRESENTER_CHART_FONT_PX : CHART_FONT_PX;
  const scale = fontSize / CHART_FONT_PX;
  return {
    fontSize,
    tick: { fill: "var(--muted)", fontSize },
    labelTick: { fill: "var(--fg)", fontSize },
    tooltip: { background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)", fontSize },
    /** An axis width sized for 12 px labels, widened for the current size. */
    width: (px: number) => Math.round(px * scale),
  };
}
