"use client";

import { useMemo } from "react";
import type { PipelineSummary, ServiceStatus, StackStatus } from "@/lib/api/status";
import { summarizePipeline } from "@/lib/status/pipeline-wording";
import type { ClientError } from "./api-client";
import { useLiveFeed } from "./live-feed";
import { useLiveFigure } from "./use-live-figure";

export interface StackSnapshot {
  status: StackStatus | undefined;
  error: ClientError | undefined;
  /** Messages per second into Kafka (both topics), from the last two polls. */
  kafkaRate: number | null;
  /** Rows per second the connector loaded, from the last two polls. */
  loadRate: number | null;
  updatedAt: number | null;
  /** The pipeline's state in words, times in the visitor's local time: what every status surface shows. */
  pipeline: PipelineSummary;
}

/** Times as the presenter's clock shows them (the API keeps ISO strings). */
export const localTime = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleTimeString();
};

export function metricOf(status: StackStatus | undefined, service: string, key: string): number | string | boolean | null | undefined {
  return status?.services.find((s) => s.name === service)?.metrics?.[key];
}

export function numberMetric(status: StackStatus | undefined, service: string, key: string): number | null {
  const value = metricOf(status, service, key);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function serviceOf(status: StackStatus | undefined, name: string): ServiceStatus | undefined {
  return status?.services.find((s) => s.name === name);
}

/**
 * The stack's status as the server pushes it (`GET /api/live`, every 2 s, one computation for
 * every open page); rates come from successive frames (the status reports totals). When the stream
 * has been down for over 10 s, `error` says so and the last status stays on screen.
 */
export function useStackStatus(): StackSnapshot {
  const live = useLiveFigure("status");
  const kafkaRate = useLiveFeed((state) => state.kafkaRate);
  const loadRate = useLiveFeed((state) => state.loadRate);
  const status = live.value;
  const pipeline = useMemo(() => summarizePipeline(status, localTime), [status]);
  const problem = live.stale ?? live.error;
  const error = useMemo<ClientError | undefined>(() => (problem ? { code: "unavailable:live", message: problem } : undefined), [problem]);
  return { status, error, kafkaRate, loadRate, updatedAt: live.updatedAt, pipeline };
}
