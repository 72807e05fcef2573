import type { Invitation, Visit } from "./invitation-store";

/** Plain-text tables for `npm run invite -- --list` and `--visits`. */

function state(invitation: Invitation, now: number): string {
  if (invitation.revokedAt) return `revoked ${invitation.revokedAt.toISOString()}`;
  return invitation.expiresAt.getTime() <= now ? "expired" : "active";
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function formatInvitations(invitations: Invitation[], now = Date.now()): string {
  if (invitations.length === 0) return 'No invitations yet. Create one with npm run invite -- --name "Acme" --days 7';
  return table(
    ["ID", "NAME", "CREATED", "EXPIRES", "STATE"],
    invitations.map((i) => [i.id, i.name, i.createdAt.toISOString(), i.expiresAt.toISOString(), state(i, now)]),
  );
}

/** The story step a path is, in words, so sales reads "step 3" rather than "/story/3". */
function describePath(path: string): string {
  const step = /^\/story\/(\d+)$/.exec(path);
  if (step) return `story step ${step[1]}`;
  if (path === "/") return "home";
  if (path === "/lab") return "SQL workspace";
  if (path.startsWith("/kafka")) return `Kafka explorer (${path})`;
  return path;
}

export function formatVisits(invitations: Invitation[], visits: Visit[]): string {
  if (visits.length === 0) return "No visits recorded.";
  const names = new Map(invitations.map((i) => [i.id, i.name]));
  const blocks: string[] = [];
  for (const id of [...new Set(visits.map((v) => v.invitationId))]) {
    const own = visits.filter((v) => v.invitationId === id);
    const visitors = new Set(own.map((v) => v.visitorId)).size;
    const header = `${names.get(id) ?? "(deleted)"} (${id}): ${own.length} page views, ${visitors} browser${visitors === 1 ? "" : "s"}`;
    blocks.push(
      `${header}\n${table(
        ["WHEN", "WHAT", "BROWSER"],
        own.map((v) => [v.visitedAt.toISOString(), describePath(v.path), (v.visitorId ?? "").slice(0, 6)]),
      )}`,
    );
  }
  return blocks.join("\n\n");
}
