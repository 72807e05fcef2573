import { z } from "zod";
import { catalogSchema } from "./catalog";
import { stackStatusSchema } from "./status";

/**
 * `GET /api/live` (text/event-stream): the live figures every open page shows (step 5's charts,
 * the diagram's numbers, the status), computed once per interval on the server and pushed to
 * every page. One SSE event per figure; its `data` is a `LiveFrame` of that figure's value.
 */

export const countSampleSchema = z.object({
  warehouse: z.number().nullable(),
  kafka: z.number().nullable(),
});

export const customerTotalsSchema = z.object({ customer: z.string(), kafka: z.number(), warehouse: z.number() });

export const datasetsSchema = z.object({
  warehouse: catalogSchema.nullable(),
  kafka: catalogSchema.nullable(),
  errors: z.array(z.string()),
});

export const deviceShareSchema = z.object({ device: z.string(), topSpenders: z.number(), everyone: z.number() });

/** Each figure's value schema, by event name. */
export const liveFigureSchemas = {
  status: stackStatusSchema,
  counts: countSampleSchema,
  topCustomers: z.array(customerTotalsSchema),
  datasets: datasetsSchema,
  deviceMix: z.array(deviceShareSchema),
} as const;

export type LiveFigureName = keyof typeof liveFigureSchemas;
export const LIVE_FIGURE_NAMES = Object.keys(liveFigureSchemas) as LiveFigureName[];
export type LiveFigureValue<F extends LiveFigureName> = z.infer<(typeof liveFigureSchemas)[F]>;

/** How often the server recomputes each figure while at least one page listens. */
export const LIVE_INTERVALS_MS: Record<LiveFigureName, number> = {
  status: 2_000,
  counts: 3_000,
  topCustomers: 5_000,
  deviceMix: 8_000,
  datasets: 10_000,
};

/** Comment lines the server sends this often so that proxies keep an idle stream open. */
export const LIVE_HEARTBEAT_MS = 15_000;

export function liveFrameSchema<F extends LiveFigureName>(figure: F) {
  return z.object({
    /** The figure, or null when it could not be computed this time (then `error` says why). */
    value: liveFigureSchemas[figure].nullable(),
    error: z.string().nullable(),
    /** When the server computed it (ms since the epoch). */
    at: z.number(),
    /** Warehouse figures as of this time (a visitor whose pipeline is stopped); null: live. */
    asOf: z.string().nullable(),
  });
}

export interface LiveFrame<F extends LiveFigureName> {
  value: LiveFigureValue<F> | null;
  error: string | null;
  at: number;
  asOf: string | null;
}

/** The first event of every stream: what the server pushes and how often. */
export const liveHelloSchema = z.object({
  intervalsMs: z.record(z.string(), z.number()),
  heartbeatMs: z.number(),
  asOf: z.string().nullable(),
});
export type LiveHello = z.infer<typeof liveHelloSchema>;
