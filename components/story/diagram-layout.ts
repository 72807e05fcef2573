/**
 * Where the architecture diagram's parts sit, in viewBox units, for each mode. Presenter mode has
 * its own, flatter layout: its text is 19+ units so it reads at projector distance, and the whole
 * diagram must still fit under the step's title on a 1280x720 screen (the normal layout, drawn at
 * that text size, was 101 px too tall and its subtitles ran out of their boxes).
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Arrow {
  d: string;
  labelX: number;
  labelY: number;
}

export interface DiagramLayout {
  viewBox: { width: number; height: number };
  generator: Rect;
  kafka: Rect;
  connector: Rect;
  warehouse: Rect;
  engine: Rect;
  analyst: Rect;
  explorer: Rect & { titleSize: number; subtitleSize: number };
  rate: Arrow;
  lag: Arrow & { failingLabelX: number };
  flush: Arrow;
  warehouseToAnalyst: string;
  freshness: Arrow;
  engineToAnalyst: string;
  kafkaToExplorer: string;
}

const normal: DiagramLayout = {
  viewBox: { width: 1200, height: 450 },
  generator: { x: 10, y: 175, w: 170, h: 96 },
  kafka: { x: 270, y: 140, w: 230, h: 168 },
  connector: { x: 590, y: 22, w: 210, h: 96 },
  warehouse: { x: 870, y: 22, w: 190, h: 96 },
  engine: { x: 640, y: 322, w: 250, h: 96 },
  analyst: { x: 1060, y: 175, w: 130, h: 96 },
  explorer: { x: 300, y: 376, w: 170, h: 56, titleSize: 15, subtitleSize: 12.5 },
  rate: { d: "M180 223 L262 223", labelX: 186, labelY: 205 },
  lag: { d: "M500 180 C 540 180, 540 70, 582 70", labelX: 430, labelY: 115, failingLabelX: 330 },
  flush: { d: "M800 70 L862 70", labelX: 772, labelY: 142 },
  warehouseToAnalyst: "M1060 90 C 1110 90, 1125 120, 1125 167",
  freshness: { d: "M500 265 C 560 265, 570 370, 632 370", labelX: 486, labelY: 345 },
  engineToAnalyst: "M890 370 C 1060 370, 1125 340, 1125 279",
  kafkaToExplorer: "M385 308 L385 372",
};

const presenter: DiagramLayout = {
  viewBox: { width: 1200, height: 348 },
  generator: { x: 6, y: 140, w: 180, h: 80 },
  kafka: { x: 250, y: 105, w: 310, h: 150 },
  connector: { x: 590, y: 6, w: 300, h: 95 },
  warehouse: { x: 930, y: 6, w: 266, h: 95 },
  engine: { x: 640, y: 250, w: 330, h: 95 },
  analyst: { x: 1040, y: 160, w: 154, h: 80 },
  explorer: { x: 6, y: 264, w: 270, h: 78, titleSize: 21, subtitleSize: 19 },
  rate: { d: "M186 180 L242 180", labelX: 16, labelY: 250 },
  lag: { d: "M560 140 C 578 140, 566 54, 582 54", labelX: 340, labelY: 72, failingLabelX: 250 },
  flush: { d: "M890 54 L922 54", labelX: 604, labelY: 134 },
  warehouseToAnalyst: "M1117 101 L1117 152",
  freshness: { d: "M560 230 C 604 230, 596 297, 632 297", labelX: 420, labelY: 292 },
  engineToAnalyst: "M970 297 C 1090 297, 1117 282, 1117 248",
  kafkaToExplorer: "M320 255 C 320 290, 300 302, 284 302",
};

export const DIAGRAM_LAYOUT = { normal, presenter };
