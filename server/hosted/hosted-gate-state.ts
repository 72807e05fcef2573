import type { FomoConfig } from "../config";
import { sharedInvitationStore } from "./hosted-store-connection";
import { InvitationStandingCache } from "./invitation-standing-cache";
import { VisitRecorder } from "./visit-recorder";

/**
 * The request gate's per-process state: the standing cache and the visit recorder. On globalThis,
 * because the gate (proxy.ts) and the route handlers are separate bundles in one process, and
 * Next's dev server reloads modules.
 */

const STATE_KEY = Symbol.for("fomo.hosted.gateState");

export interface HostedGateState {
  standings: InvitationStandingCache;
  visits: VisitRecorder;
}

type GlobalWithState = typeof globalThis & { [STATE_KEY]?: HostedGateState };

export function hostedGateState(config: FomoConfig): HostedGateState {
  const holder = globalThis as GlobalWithState;
  holder[STATE_KEY] ??= (() => {
    const store = sharedInvitationStore(config);
    return {
      standings: new InvitationStandingCache((id) => store.standing(id)),
      visits: new VisitRecorder({ write: (batch) => store.recordVisits(batch), log: (line) => console.error(line) }),
    };
  })();
  return holder[STATE_KEY];
}
