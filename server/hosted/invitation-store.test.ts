import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureHostedStore } from "./hosted-store-layout";
import { InvitationStore } from "./invitation-store";
import { InvitationStandingCache } from "./invitation-standing-cache";
import { VisitRecorder } from "./visit-recorder";

const stack = inject("testStack");
const admin = new URL(stack.mysqlAdminUrl);
const host = admin.hostname;
const port = stack.warehousePort ?? (admin.port ? Number(admin.port) : 3306);
const adminOptions = {
  host,
  port,
  user: decodeURIComponent(admin.username) || "root",
  password: decodeURIComponent(admin.password) || undefined,
};

// Each run gets its own hosted database and account, dropped afterwards.
const suffix = randomBytes(4).toString("hex");
const database = `${stack.warehouseDatabase}_hosted_${suffix}`;
const account = { user: `h_${suffix}`, password: randomBytes(12).toString("hex") };
let store: InvitationStore;

beforeAll(async () => {
  await ensureHostedStore({ admin: adminOptions, account, database });
  store = InvitationStore.open({ host, port, database, ...account });
});

afterAll(async () => {
  await store?.close();
  const connection = await mysql.createConnection(adminOptions);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    for (const accountHost of ["%", "localhost"]) await connection.query("DROP USER IF EXISTS ?@?", [account.user, accountHost]);
  } finally {
    await connection.end();
  }
});

describe("invitation store (real warehouse server)", () => {
  it("is set up idempotently: a second ensure changes nothing", async () => {
    expect(await ensureHostedStore({ admin: adminOptions, account, database })).toEqual([]);
  });

  it("creates, lists and revokes invitations, and reports each one's standing", async () => {
    const now = new Date();
    const acme = await store.create({ name: "Acme", days: 7, now });
    const old = await store.create({ name: "Old Co", days: 1, now: new Date(now.getTime() - 2 * 86_400_000) });
    expect(acme.expiresAt.getTime()).toBeGreaterThan(now.getTime() + 7 * 86_400_000 - 1000);
    const listed = await store.list();
    expect(listed.map((i) => i.name)).toEqual(expect.arrayContaining(["Acme", "Old Co"]));
    expect(await store.standing(acme.id)).toBe("active");
    expect(await store.standing(old.id)).toBe("expired");
    expect(await store.standing("AAAAAAAAAAAAAAAA")).toBe("unknown");
    expect(await store.revoke(acme.id)).toBe(true);
    expect(await store.standing(acme.id)).toBe("revoked");
    expect(await store.revoke("ZZZZZZZZZZZZZZZZ")).toBe(false);
    expect((await store.list()).find((i) => i.id === acme.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it("records visits in one batch and returns them per invitation in time order", async () => {
    const a = await store.create({ name: "Visits A", days: 1 });
    const b = await store.create({ name: "Visits B", days: 1 });
    const t = Date.now();
    await store.recordVisits([
      { invitationId: a.id, visitorId: "v".repeat(22), path: "/story/3", visitedAt: new Date(t + 2000) },
      { invitationId: a.id, visitorId: "v".repeat(22), path: "/", visitedAt: new Date(t) },
      { invitationId: b.id, visitorId: null, path: "/lab", visitedAt: new Date(t + 1000) },
    ]);
    expect((await store.visits(a.id)).map((v) => v.path)).toEqual(["/", "/story/3"]);
    expect((await store.visits()).filter((v) => [a.id, b.id].includes(v.invitationId))).toHaveLength(3);
  });

  it("a revocation reaches the gate's cache once its entry expires, not before", async () => {
    const invitation = await store.create({ name: "Cached", days: 1 });
    let lookups = 0;
    const cache = new InvitationStandingCache((id) => {
      lookups += 1;
      return store.standing(id);
    }, 300);
    expect(await Promise.all([cache.standing(invitation.id), cache.standing(invitation.id)])).toEqual(["active", "active"]);
    expect(lookups).toBe(1);
    await store.revoke(invitation.id);
    expect(await cache.standing(invitation.id)).toBe("active");
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await cache.standing(invitation.id)).toBe("revoked");
  });

  it("the visit recorder returns at once and writes the visits in one batch on flush", async () => {
    const invitation = await store.create({ name: "Recorded", days: 1 });
    let writes = 0;
    const recorder = new VisitRecorder({
      write: (batch) => {
        writes += 1;
        return store.recordVisits(batch);
      },
      flushIntervalMs: 60_000,
    });
    const started = performance.now();
    for (let step = 0; step <= 5; step += 1)
      recorder.record({ invitationId: invitation.id, visitorId: null, path: `/story/${step}`, visitedAt: new Date(Date.now() + step) });
    expect(performance.now() - started).toBeLessThan(20);
    expect(await store.visits(invitation.id)).toEqual([]);
    await recorder.close();
    expect(writes).toBe(1);
    expect((await store.visits(invitation.id)).map((v) => v.path)).toEqual([
      "/story/0",
      "/story/1",
      "/story/2",
      "/story/3",
      "/story/4",
      "/story/5",
    ]);
  });

  it("is not readable by the analysts' read-only account", async () => {
    const reader = await mysql.createConnection({
      host,
      port,
      user: stack.reader.user,
      password: stack.reader.password,
      database: stack.warehouseDatabase,
    });
    try {
      await expect(reader.query(`SELECT * FROM \`${database}\`.invitations`)).rejects.toMatchObject({
        code: expect.stringMatching(/ACCESS_DENIED/),
      });
      await expect(reader.query(`SELECT * FROM \`${database}\`.visits`)).rejects.toMatchObject({
        code: expect.stringMatching(/ACCESS_DENIED/),
      });
      const [schemas] = await reader.query<mysql.RowDataPacket[]>(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?",
        [database],
      );
      expect(schemas).toHaveLength(0);
    } finally {
      await reader.end();
    }
  });
});
