import { LIVE_FIGURE_NAMES, LIVE_INTERVALS_MS, type LiveFigureName, type LiveFrame } from "../../lib/api/live";
import { FrozenWarehouseCache, warehouseViewOf } from "./frozen-warehouse-cache";
import { LIVE_FIGURES, type FigureContext, type LiveView } from "./live-figures";
import type { LiveSources, WarehouseAsOfReader } from "./live-sources";

/** One open page: which warehouse it sees and where its events go (already serialized). */
export interface LiveSubscriber {
  asOf: string | null;
  send(event: string): void;
}

export interface LiveHubOptions {
  sources: LiveSources;
  /** The per-visitor stopped warehouse; without it every view reads the live warehouse. */
  warehouseAsOf?: WarehouseAsOfReader;
  intervalsMs?: Partial<Record<LiveFigureName, number>>;
}

/** An SSE event: `event: <figure>` and one `data:` line (JSON has no raw newlines). */
export const sseEvent = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** Waits `ms`, or less when the run stops or `wakers` are called (a page with a new view arrived). */
const sleep = (ms: number, signal: AbortSignal, wakers: Set<() => void>) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wakers.delete(done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wakers.add(done);
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * The live figures of one web process. While at least one page listens it recomputes each figure
 * on its own interval, once for everyone (the warehouse side once per distinct `asOf`), and pushes
 * the serialized event to every subscriber; with no subscriber it runs nothing. A new subscriber
 * gets the latest frames at once, so a page never waits a whole interval for its first numbers.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly latest = new Map<LiveFigureName, Map<LiveView, string>>();
  private readonly intervals: Record<LiveFigureName, number>;
  private readonly frozen: FrozenWarehouseCache | undefined;
  private run: AbortController | null = null;
  private readonly wakers = new Set<() => void>();
  /** Figure computations started since the hub was made, per figure (one per tick, whatever the number of subscribers). */
  readonly computations: Record<LiveFigureName, number>;

  constructor(private readonly options: LiveHubOptions) {
    this.intervals = { ...LIVE_INTERVALS_MS, ...options.intervalsMs };
    this.frozen = options.warehouseAsOf ? new FrozenWarehouseCache(options.warehouseAsOf) : undefined;
    this.computations = Object.fromEntries(LIVE_FIGURE_NAMES.map((name) => [name, 0])) as Record<LiveFigureName, number>;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get running(): boolean {
    return this.run !== null;
  }

  /** Warehouse answers computed for frozen views (each distinct asOf and query once). */
  get frozenComputations(): number {
    return this.frozen?.computed ?? 0;
  }

  /** Adds a page; returns the function that removes it (the last one out stops the queries). */
  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    let known = true;
    for (const frames of this.latest.values()) {
      const event = frames.get(subscriber.asOf);
      if (event) subscriber.send(event);
      else known = false;
    }
    if (!this.run) this.start();
    // A warehouse frozen at a time nobody else sees: compute its figures now, not at the next tick.
    else if (!known) for (const wake of [...this.wakers]) wake();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Stops every loop; frames in flight are dropped (they would go to nobody). */
  stop(): void {
    this.run?.abort();
    this.run = null;
    // Numbers from before a pause would be shown as current to the next page: forget them.
    this.latest.clear();
  }

  private start(): void {
    const run = new AbortController();
    this.run = run;
    const context: FigureContext = {
      sources: this.options.sources,
      warehouse: (view) => warehouseViewOf(this.options.sources, this.frozen, view),
    };
    for (const figure of LIVE_FIGURE_NAMES) void this.loop(figure, context, run.signal);
  }

  private views(): LiveView[] {
    const views = new Set<LiveView>([null]);
    for (const subscriber of this.subscribers) views.add(subscriber.asOf);
    return [...views];
  }

  private async loop<F extends LiveFigureName>(figure: F, context: FigureContext, signal: AbortSignal): Promise<void> {
    const compute = LIVE_FIGURES[figure] as (typeof LIVE_FIGURES)[LiveFigureName];
    while (!signal.aborted) {
      this.computations[figure] += 1;
      let outcomes: Awaited<ReturnType<typeof compute>> | undefined;
      try {
        outcomes = await compute(this.views(), context);
      } catch {
        outcomes = undefined; // each figure settles its own errors; this is a bug guard, not a path
      }
      if (signal.aborted) return;
      if (outcomes) this.publish(figure, outcomes);
      // A page that arrived with a new view during this computation must not wait a whole interval.
      const missed = outcomes !== undefined && [...this.subscribers].some((subscriber) => !outcomes.has(subscriber.asOf));
      if (!missed) await sleep(this.intervals[figure], signal, this.wakers);
    }
  }

  private publish(figure: LiveFigureName, outcomes: Map<LiveView, { value: unknown; error: string | null }>): void {
    const at = Date.now();
    const events = new Map<LiveView, string>();
    for (const [view, outcome] of outcomes) {
      const frame: LiveFrame<LiveFigureName> = {
        value: outcome.value as LiveFrame<LiveFigureName>["value"],
        error: outcome.error,
        at,
        asOf: view,
      };
      events.set(view, sseEvent(figure, frame));
    }
    this.latest.set(figure, events);
    for (const subscriber of this.subscribers) {
      const event = events.get(subscriber.asOf);
      if (event) subscriber.send(event);
    }
  }
}
