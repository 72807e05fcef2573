/** Shared recharts styling, all through CSS variables so light and dark both work. */
export const axisTick = { fill: "var(--muted)", fontSize: 12 };
export const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)", fontSize: 12 };
export const KAFKA_COLOR = "var(--kf)";
export const WAREHOUSE_COLOR = "var(--wh)";
