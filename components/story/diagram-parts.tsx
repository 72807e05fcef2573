"use client";

/** The drawing parts of the architecture diagram: its text sizes, a service box and a flow arrow. */

/**
 * SVG text sizes, in viewBox units. In presenter mode the diagram is drawn at about one unit per
 * pixel (full width, no height cap) and no text is under 19 units, so none is under 18 px on a
 * 1280x720 projector.
 */
export const TEXT = {
  normal: { title: 17, subtitle: 13, line: 13.5, label: 12.5, lineGap: 20 },
  presenter: { title: 21, subtitle: 19, line: 19, label: 19, lineGap: 25 },
};
export type TextSizes = (typeof TEXT)["normal"];

interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  subtitle: string;
  tone: "kafka" | "warehouse" | "neutral" | "bad";
  lines?: string[];
  testId?: string;
  text: TextSizes;
}

const toneStyle = {
  kafka: { stroke: "var(--kf)", fill: "var(--kf-soft)", title: "var(--fg)" },
  warehouse: { stroke: "var(--wh)", fill: "var(--wh-soft)", title: "var(--fg)" },
  neutral: { stroke: "var(--line-strong)", fill: "var(--surface)", title: "var(--fg)" },
  bad: { stroke: "var(--bad)", fill: "color-mix(in srgb, var(--bad) 9%, var(--surface))", title: "var(--fg)" },
};

export type FlowTone = "kafka" | "warehouse" | "ops" | "bad";
export const FLOW_COLOR: Record<FlowTone, string> = { kafka: "var(--kf)", warehouse: "var(--wh)", ops: "var(--faint)", bad: "var(--bad)" };

export function Box({ x, y, w, h, title, subtitle, tone, lines = [], testId, text }: BoxProps) {
  const style = toneStyle[tone];
  return (
    <g data-testid={testId}>
      <rect x={x} y={y} width={w} height={h} rx={14} fill={style.fill} stroke={style.stroke} strokeWidth={2} />
      <text x={x + 14} y={y + 28} fontSize={text.title} fontWeight={650} fill={style.title}>
        {title}
      </text>
      <text x={x + 14} y={y + 30 + text.lineGap} fontSize={text.subtitle} fill="var(--muted)">
        {subtitle}
      </text>
      {lines.map((line, i) => (
        <text
          key={i}
          x={x + 14}
          y={y + 56 + text.lineGap * (i + 1)}
          fontSize={text.line}
          fill="var(--fg)"
          className="tabular"
          fontFamily="var(--font-mono)"
        >
          {line}
        </text>
      ))}
    </g>
  );
}

interface FlowProps {
  d: string;
  tone: FlowTone;
  label?: string;
  labelX: number;
  labelY: number;
  frozen?: boolean;
  testId?: string;
  labelSize?: number;
}

export function Flow({ d, tone, label, labelX, labelY, frozen, testId, labelSize = 12.5 }: FlowProps) {
  const color = FLOW_COLOR[tone];
  return (
    <g>
      <path
        d={d}
        fill="none"
        stroke={color}
        strokeWidth={tone === "ops" ? 1.5 : 3}
        className={`flow-line ${frozen ? "frozen" : ""}`}
        markerEnd={`url(#arrow-${tone})`}
        opacity={frozen ? 0.45 : 1}
      />
      {label && (
        <g>
          <rect
            x={labelX - 4}
            y={labelY - labelSize * 1.2}
            width={label.length * labelSize * 0.6 + 14}
            height={labelSize * 1.75}
            rx={11}
            fill="var(--surface)"
            stroke={color}
            strokeWidth={1}
          />
          <text x={labelX + 2} y={labelY} fontSize={labelSize} fontWeight={600} fill={color} className="tabular" data-testid={testId}>
            {label}
          </text>
        </g>
      )}
    </g>
  );
}
