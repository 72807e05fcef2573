/** One series of a chart: its name and the colour it is drawn in. */
export interface LegendItem {
  label: string;
  color: string;
  /** Line series get a line swatch, bar series a block. */
  shape?: "line" | "bar";
}

/**
 * The legend as page text above the plot, not inside recharts' SVG: it is never cut by the
 * chart's height, wraps on narrow cards and grows with presenter mode like all other text.
 */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mb-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted" aria-label="Legend" data-testid="chart-legend">
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={item.shape === "line" ? "h-1 w-5 rounded-full" : "h-3 w-3 rounded-sm"}
            style={{ background: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
