import { liveFrameSchema } from "../../lib/api/live";
import { stackStatusSchema } from "../../lib/api/status";
import { withVisitorStop } from "../../lib/status/visitor-stop-status";
import type { VisitorStop } from "../pipeline/visitor-stop-cookie";
import { withPipeline } from "../status/load-stack-status";
import { sseEvent } from "./live-hub";

const STATUS_EVENT = "event: status\ndata: ";

/**
 * A stopped hosted visitor's view of the pushed status: the hub computes the stack's status once
 * for everyone, and this rewrites just the `status` events of that visitor's stream the way
 * `/api/status` does (their connector stopped, their warehouse's rows frozen, the lag growing), so
 * their pipeline control and status line agree with their frozen charts. Other events pass as
 * they are; an event it cannot read passes unchanged rather than being dropped.
 */
export function visitorStatusRewriter(stop: VisitorStop, hosted: boolean, now: () => number = Date.now): (event: string) => string {
  return (event) => {
    if (!event.startsWith(STATUS_EVENT)) return event;
    let json: unknown;
    try {
      json = JSON.parse(event.slice(STATUS_EVENT.length));
    } catch {
      return event;
    }
    const frame = liveFrameSchema("status").safeParse(json);
    const value = frame.success ? stackStatusSchema.safeParse(frame.data.value) : undefined;
    if (!frame.success || !value?.success) return event;
    const status = withPipeline(withVisitorStop(value.data.services, stop, now()), hosted);
    return sseEvent("status", { ...frame.data, value: status });
  };
}
