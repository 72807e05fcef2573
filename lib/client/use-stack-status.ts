"use client";

import { useEffect, useRef, useState } from "react";
import type { PipelineSummary, ServiceStatus, StackStatus } from "@/lib/api/status";
import { summarizePipeline } from "@/lib/status/pipeline-wording";
import { fetchStatus, type ClientError } from "./api-client";

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

function kafkaTotal(status: StackStatus): number | null {
  const purchases = numberMetric(status, "kafka", "messages.purchases");
  const requests = numberMetric(status, "kafka", "messages.requestlog");
  return purchases === null && requests === null ? null : (purchases ?? 0) + (requests ?? 0);
}

/** Polls `/api/status`; rates are computed here from successive counts (the API reports totals). */
export function useStackStatus(intervalMs = 2000): StackSnapshot {
  const [snapshot, setSnapshot] = useState<StackSnapshot>({ status: undefined, error: undefined, kafkaRate: null, loadRate: null, updatedAt: null, pipeline: summarizePipeline(undefined) });
  const previous = useRef<{ at: number; kafka: number | null; rows: number | null } | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const outcome = await fetchStatus();
      if (stopped) return;
      const at = performance.now();
      if (outcome.ok) {
        const kafka = kafkaTotal(outcome.value);
        const rows = numberMetric(outcome.value, "connector", "rowsLoaded") ?? numberMetric(outcome.value, "warehouse", "rows.purchases");
        const before = previous.current;
        const seconds = before ? (at - before.at) / 1000 : 0;
        const rate = (now: number | null, then: number | null | undefined) => (seconds > 0.2 && now !== null && then !== null && then !== undefined ? Math.max(0, (now - then) / seconds) : null);
        setSnapshot((current) => ({
          status: outcome.value,
          error: undefined,
          kafkaRate: rate(kafka, before?.kafka) ?? current.kafkaRate,
          loadRate: rate(rows, before?.rows) ?? current.loadRate,
          updatedAt: Date.now(),
          pipeline: summarizePipeline(outcome.value, localTime),
        }));
        previous.current = { at, kafka, rows };
      } else {
        setSnapshot((current) => ({ ...current, error: outcome.error, updatedAt: Date.now() }));
      }
      timer = setTimeout(poll, intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs]);

  return snapshot;
}
