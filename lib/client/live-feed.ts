"use client";

import { create } from "zustand";
import { LIVE_FIGURE_NAMES, liveFrameSchema, type LiveFigureName, type LiveFrame } from "@/lib/api/live";
import type { StackStatus } from "@/lib/api/status";
import { useCountSeries } from "./count-series-store";

type Frames = { [F in LiveFigureName]?: LiveFrame<F> };

export interface LiveFeedState {
  frames: Frames;
  connected: boolean;
  /** Since when the page has had no stream (first attempt or last drop); null while connected. */
  downSince: number | null;
  /** Messages per second into Kafka and rows per second loaded, from the last two status frames. */
  kafkaRate: number | null;
  loadRate: number | null;
}

/** The live figures the server pushes (`GET /api/live`), one stream per tab whatever the number of charts. */
export const useLiveFeed = create<LiveFeedState>()(() => ({
  frames: {},
  connected: false,
  downSince: null,
  kafkaRate: null,
  loadRate: null,
}));

const MAX_BACKOFF_MS = 30_000;
/** Navigating between steps unmounts one page's charts just before the next mounts: keep the stream that long. */
const CLOSE_GRACE_MS = 5_000;

let source: EventSource | null = null;
let holders = 0;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

function metric(status: StackStatus, service: string, key: string): number | null {
  const value = status.services.find((s) => s.name === service)?.metrics?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function totals(status: StackStatus): { kafka: number | null; rows: number | null } {
  const purchases = metric(status, "kafka", "messages.purchases");
  const requests = metric(status, "kafka", "messages.requestlog");
  return {
    kafka: purchases === null && requests === null ? null : (purchases ?? 0) + (requests ?? 0),
    rows: metric(status, "connector", "rowsLoaded") ?? metric(status, "warehouse", "rows.purchases"),
  };
}

function receive(figure: LiveFigureName, data: string): void {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return; // a torn event: the next one replaces it
  }
  const parsed = liveFrameSchema(figure).safeParse(json);
  if (!parsed.success) return;
  const state = useLiveFeed.getState();
  const previous = state.frames[figure];
  if (previous && previous.at >= parsed.data.at && previous.asOf === parsed.data.asOf) return; // replayed on reconnect
  // A failed computation keeps the last numbers on screen, next to its error.
  const frame = (parsed.data.value === null && previous ? { ...parsed.data, value: previous.value } : parsed.data) as LiveFrame<
    typeof figure
  >;
  const update: Partial<LiveFeedState> = { frames: { ...state.frames, [figure]: frame }, connected: true, downSince: null };
  if (figure === "status" && frame.value && previous?.value) {
    const now = totals(frame.value as StackStatus);
    const then = totals(previous.value as StackStatus);
    const seconds = (frame.at - previous.at) / 1000;
    const rate = (a: number | null, b: number | null) =>
      seconds > 0.2 && a !== null && b !== null ? Math.max(0, (a - b) / seconds) : null;
    update.kafkaRate = rate(now.kafka, then.kafka) ?? state.kafkaRate;
    update.loadRate = rate(now.rows, then.rows) ?? state.loadRate;
  }
  if (figure === "counts" && frame.value) {
    const sample = frame.value as { warehouse: number | null; kafka: number | null };
    useCountSeries.getState().add({ at: frame.at, warehouse: sample.warehouse, kafka: sample.kafka });
  }
  useLiveFeed.setState(update);
}

function connect(): void {
  retryTimer = undefined;
  const stream = new EventSource("/api/live");
  source = stream;
  useLiveFeed.setState((state) => ({ downSince: state.connected ? null : (state.downSince ?? Date.now()) }));
  stream.addEventListener("open", () => {
    attempt = 0;
    useLiveFeed.setState({ connected: true, downSince: null });
  });
  for (const figure of LIVE_FIGURE_NAMES) stream.addEventListener(figure, (event) => receive(figure, (event as MessageEvent<string>).data));
  // EventSource retries a dropped stream at a fixed pace and gives up on an HTTP error (429, 503):
  // back off ourselves, doubling up to 30 s with jitter, so a restarting server is not stampeded.
  stream.addEventListener("error", () => {
    stream.close();
    if (source !== stream) return;
    source = null;
    useLiveFeed.setState((state) => ({ connected: false, downSince: state.downSince ?? Date.now() }));
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(() => (holders > 0 ? connect() : undefined), delay);
  });
}

function disconnect(): void {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = undefined;
  attempt = 0;
  useLiveFeed.setState({ connected: false, downSince: null });
}

/**
 * Opens the stream anew, if one is held: a hosted visitor's stop or restart changes which
 * warehouse the server pushes (their frozen one or the live one), decided when a stream opens.
 */
export function reconnectLiveFeed(): void {
  if (holders === 0) return;
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  attempt = 0;
  connect();
}

/** Holds the tab's stream open while some component needs it; returns the release function. */
export function retainLiveFeed(): () => void {
  holders += 1;
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = undefined;
  if (!source && !retryTimer) connect();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0) closeTimer = setTimeout(disconnect, CLOSE_GRACE_MS);
  };
}
