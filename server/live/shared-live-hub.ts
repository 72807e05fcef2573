import { loadConfig } from "../config";
import { LiveHub } from "./live-hub";
import { sharedLiveSources, warehouseAsOfReaderOf } from "./live-sources";
import { sharedWarehouseReadOnlyPool } from "../warehouse/shared-read-only-pool";
import { VisitorStreamCap } from "./visitor-stream-cap";

/**
 * The one hub and stream cap of this web process, on globalThis so that Next's dev reload reuses
 * them (two hubs would each run the queries).
 */
const HUB_KEY = Symbol.for("fomo.live.hub");
const CAP_KEY = Symbol.for("fomo.live.streamCap");

type GlobalWithLive = typeof globalThis & { [HUB_KEY]?: LiveHub; [CAP_KEY]?: VisitorStreamCap };

export function sharedLiveHub(): LiveHub {
  const holder = globalThis as GlobalWithLive;
  const config = loadConfig();
  // Stopped hosted visitors read the warehouse as of their stop: computed once per moment, kept.
  holder[HUB_KEY] ??= new LiveHub({
    sources: sharedLiveSources(config),
    warehouseAsOf: warehouseAsOfReaderOf(sharedWarehouseReadOnlyPool(config)),
  });
  return holder[HUB_KEY];
}

export function sharedVisitorStreamCap(): VisitorStreamCap {
  const holder = globalThis as GlobalWithLive;
  holder[CAP_KEY] ??= new VisitorStreamCap(loadConfig().live.maxStreamsPerVisitor);
  return holder[CAP_KEY];
}
