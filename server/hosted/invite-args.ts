import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { invitationIdSchema } from "./invitation-token";
import { invitationNameSchema } from "./invitation-store";

/** `npm run invite` arguments: exactly one action. */
export type InviteCommand =
  | { action: "create"; name: string; days: number }
  | { action: "list" }
  | { action: "revoke"; id: string }
  | { action: "visits"; id: string | undefined }
  | { action: "help" };

export const INVITE_USAGE = `Usage:
  npm run invite -- --name "Acme" [--days 7]   create an invitation and print its link
  npm run invite -- --list                     list invitations (id, name, expiry, state)
  npm run invite -- --revoke <id>              revoke one (its link stops working within seconds)
  npm run invite -- --visits [<id>]            pages and story steps visited, and when

Links start with FOMO_PUBLIC_URL (default http://127.0.0.1:<PORT>). Invitations live in the
warehouse server's <WAREHOUSE_DATABASE>_hosted database; the web app must run in hosted mode
(npm run demo -- --hosted, or FOMO_HOSTED=1) for them to be required.`;

const daysSchema = z.coerce
  .number()
  .int("--days must be a whole number")
  .min(1, "--days must be at least 1")
  .max(365, "--days must be at most 365");

function fail(message: string): never {
  throw new FomoError("bad_request:argument", `${message}\n\n${INVITE_USAGE}`);
}

function parsed<T>(schema: z.ZodType<T>, value: string | undefined, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) fail(`${what}: ${result.error.issues[0]?.message ?? "invalid"}`);
  return result.data;
}

export function parseInviteArgs(argv: string[]): InviteCommand {
  let name: string | undefined;
  let days: string | undefined;
  const actions: InviteCommand[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = argv[i + 1];
    const hasValue = next !== undefined && !next.startsWith("--");
    if (arg === "--name") {
      if (!hasValue) fail("--name needs a value");
      name = next;
      i += 1;
    } else if (arg === "--days") {
      if (!hasValue) fail("--days needs a value");
      days = next;
      i += 1;
    } else if (arg === "--list") actions.push({ action: "list" });
    else if (arg === "--revoke") {
      if (!hasValue) fail("--revoke needs an invitation id (see --list)");
      actions.push({ action: "revoke", id: parsed(invitationIdSchema, next, "--revoke") });
      i += 1;
    } else if (arg === "--visits") {
      actions.push({ action: "visits", id: hasValue ? parsed(invitationIdSchema, next, "--visits") : undefined });
      if (hasValue) i += 1;
    } else if (arg === "--help" || arg === "-h") return { action: "help" };
    else fail(`Unknown argument '${arg}'`);
  }
  if (name !== undefined)
    actions.push({ action: "create", name: parsed(invitationNameSchema, name, "--name"), days: parsed(daysSchema, days ?? "7", "--days") });
  else if (days !== undefined) fail("--days goes with --name");
  if (actions.length !== 1) fail(actions.length === 0 ? "Say what to do" : "Give one action at a time");
  return actions[0] as InviteCommand;
}
