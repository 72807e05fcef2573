import type { EachBatchPayload } from "../kafka/kafkajs-client";
import { decodePurchase, type DecodedPurchase } from "./purchase-record";
import { sleep, type SinkContext } from "./sink-state";

/**
 * Decodes one value; while the registry cannot resolve its schema (down, refusing us) it waits
 * and tries again, heartbeating, rather than dead-letter good data (status shows the wait).
 * Undefined when consuming stopped meanwhile: the message is then read again by whoever consumes next.
 */
export async function decodeWaitingForRegistry(
  ctx: SinkContext,
  value: Buffer | null,
  batch: Pick<EachBatchPayload, "heartbeat" | "isRunning" | "isStale">,
): Promise<DecodedPurchase | undefined> {
  const { session, lifecycle, clients, log } = ctx;
  let waitMs = 250;
  for (;;) {
    const decoded = await decodePurchase(value, clients.decoder);
    if (decoded.ok || !decoded.waitForRegistry) {
      if (session.registryWait) log("the schema registry answers again; consuming resumes");
      session.registryWait = undefined;
      return decoded;
    }
    if (!session.registryWait) log(`waiting for the schema registry, consuming paused (nothing is dead-lettered): ${decoded.reason}`);
    session.registryWait = { reason: decoded.reason, since: session.registryWait?.since ?? new Date() };
    await sleep(waitMs);
    waitMs = Math.min(waitMs * 2, 2_000);
    if (!batch.isRunning() || batch.isStale() || !lifecycle.running || session.incarnationChanged) return undefined;
    await batch.heartbeat();
  }
}
