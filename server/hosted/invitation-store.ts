import mysql, { type Pool, type RowDataPacket } from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { invitationIdSchema, newInvitationId } from "./invitation-token";

/**
 * Invitations and visits in the hosted database, through the store's own account. Every method
 * is one parameterised statement; nothing here builds SQL from input.
 */

export interface Invitation {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** What the gate needs to know about an invitation whose signature already checked out. */
export type InvitationStanding = "active" | "revoked" | "expired" | "unknown";

export interface Visit {
  invitationId: string;
  visitorId: string | null;
  path: string;
  visitedAt: Date;
}

export const invitationNameSchema = z.string().trim().min(1, "the name is empty").max(200, "the name is longer than 200 characters");

const invitationRow = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.date(),
  expires_at: z.date(),
  revoked_at: z.date().nullable(),
});

const visitRow = z.object({ invitation_id: z.string(), visitor_id: z.string().nullable(), path: z.string(), visited_at: z.date() });

function toInvitation(row: unknown): Invitation {
  const r = invitationRow.parse(row);
  return { id: r.id, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
}

function storeError(what: string, cause: unknown): FomoError {
  return new FomoError("unavailable:hosted_store", `Could not ${what} in the hosted database`, { cause, canRetry: true });
}

export class InvitationStore {
  private constructor(private readonly pool: Pool) {}

  /** `connection` names the hosted database and its own account. */
  static open(connection: ConnectionOptions): InvitationStore {
    // A handful of connections: the gate caches standings and visits are written in batches.
    return new InvitationStore(mysql.createPool({ ...connection, connectionLimit: 4, multipleStatements: false, timezone: "Z" }));
  }

  async create(input: { name: string; days: number; now?: Date }): Promise<Invitation> {
    const name = invitationNameSchema.parse(input.name);
    const createdAt = input.now ?? new Date();
    // Whole seconds: the token carries the expiry in seconds and both must agree.
    const expiresAt = new Date(Math.floor((createdAt.getTime() + input.days * 86_400_000) / 1000) * 1000);
    const invitation: Invitation = { id: newInvitationId(), name, createdAt, expiresAt, revokedAt: null };
    try {
      await this.pool.execute("INSERT INTO invitations (id, name, created_at, expires_at) VALUES (?, ?, ?, ?)", [
        invitation.id,
        name,
        createdAt,
        expiresAt,
      ]);
    } catch (cause) {
      throw storeError("save the invitation", cause);
    }
    return invitation;
  }

  async list(): Promise<Invitation[]> {
    try {
      const [rows] = await this.pool.query<RowDataPacket[]>(
        "SELECT id, name, created_at, expires_at, revoked_at FROM invitations ORDER BY created_at",
      );
      return rows.map(toInvitation);
    } catch (cause) {
      throw storeError("list the invitations", cause);
    }
  }

  /** Revokes an invitation; false when there is no such invitation. Revoking twice keeps the first time. */
  async revoke(id: string, now = new Date()): Promise<boolean> {
    invitationIdSchema.parse(id);
    try {
      await this.pool.execute("UPDATE invitations SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", [now, id]);
      const [rows] = await this.pool.execute<RowDataPacket[]>("SELECT 1 FROM invitations WHERE id = ?", [id]);
      return rows.length > 0;
    } catch (cause) {
      throw storeError("revoke the invitation", cause);
    }
  }

  async standing(id: string, now = new Date()): Promise<InvitationStanding> {
    try {
      const [rows] = await this.pool.execute<RowDataPacket[]>(
        "SELECT id, name, created_at, expires_at, revoked_at FROM invitations WHERE id = ?",
        [id],
      );
      if (rows.length === 0) return "unknown";
      const invitation = toInvitation(rows[0]);
      if (invitation.revokedAt) return "revoked";
      return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
    } catch (cause) {
      throw storeError("look up the invitation", cause);
    }
  }

  async recordVisits(visits: Visit[]): Promise<void> {
    if (visits.length === 0) return;
    try {
      // One multi-row INSERT per batch; `query` expands the nested array into (…), (…) with escaping.
      await this.pool.query("INSERT INTO visits (invitation_id, visitor_id, path, visited_at) VALUES ?", [
        visits.map((visit) => [visit.invitationId, visit.visitorId, visit.path.slice(0, 512), visit.visitedAt]),
      ]);
    } catch (cause) {
      throw storeError("record visits", cause);
    }
  }

  /** Visits in time order, of one invitation or of all. */
  async visits(invitationId?: string): Promise<Visit[]> {
    try {
      const [rows] = invitationId
        ? await this.pool.execute<RowDataPacket[]>(
            "SELECT invitation_id, visitor_id, path, visited_at FROM visits WHERE invitation_id = ? ORDER BY visited_at, seq",
            [invitationIdSchema.parse(invitationId)],
          )
        : await this.pool.query<RowDataPacket[]>("SELECT invitation_id, visitor_id, path, visited_at FROM visits ORDER BY visited_at, seq");
      return rows.map((row) => {
        const r = visitRow.parse(row);
        return { invitationId: r.invitation_id, visitorId: r.visitor_id, path: r.path, visitedAt: r.visited_at };
      });
    } catch (cause) {
      if (cause instanceof z.ZodError) throw cause;
      throw storeError("read the visits", cause);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
