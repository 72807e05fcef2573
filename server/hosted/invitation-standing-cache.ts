import type { InvitationStanding } from "./invitation-store";

/**
 * Standings of invitations by id, each remembered for a few seconds: a page load makes a dozen
 * requests and 200 visitors would otherwise cost one warehouse query each. The TTL is how long a
 * revocation may take to bite; a lookup that fails is not cached, and the gate refuses meanwhile.
 */

export const STANDING_TTL_MS = 5_000;

interface Entry {
  standing: InvitationStanding;
  until: number;
}

export class InvitationStandingCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<InvitationStanding>>();

  constructor(
    private readonly lookup: (id: string) => Promise<InvitationStanding>,
    private readonly ttlMs = STANDING_TTL_MS,
    private readonly maxEntries = 10_000,
  ) {}

  async standing(id: string, now = Date.now()): Promise<InvitationStanding> {
    const entry = this.entries.get(id);
    if (entry && entry.until > now) return entry.standing;
    // Concurrent requests of one visitor share one lookup.
    let lookup = this.pending.get(id);
    if (!lookup) {
      lookup = this.lookup(id).finally(() => this.pending.delete(id));
      this.pending.set(id, lookup);
    }
    const standing = await lookup;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { standing, until: Date.now() + this.ttlMs });
    return standing;
  }
}
