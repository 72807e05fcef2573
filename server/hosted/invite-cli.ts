import { isFomoError } from "../../lib/errors";
import { loadConfig } from "../config";
import { ensureHostedStoreFor, sharedInvitationStore } from "./hosted-store-connection";
import { hostedSecret } from "./hosted-secret";
import { INVITE_USAGE, parseInviteArgs, type InviteCommand } from "./invite-args";
import { formatInvitations, formatVisits } from "./invite-report";
import { signInvitationToken } from "./invitation-token";

/** `npm run invite`: the operator's command for the hosted copy's invitations. */

async function run(command: Exclude<InviteCommand, { action: "help" }>): Promise<void> {
  const config = loadConfig();
  await ensureHostedStoreFor(config);
  const store = sharedInvitationStore(config);
  try {
    if (command.action === "create") {
      const invitation = await store.create({ name: command.name, days: command.days });
      const token = signInvitationToken(hostedSecret(config), { id: invitation.id, expiresAt: invitation.expiresAt.getTime() });
      console.log(`Invitation ${invitation.id} for ${invitation.name}, valid until ${invitation.expiresAt.toISOString()}:`);
      console.log(`${config.hosted.publicUrl}/invite/${token}`);
      if (!config.hosted.enabled)
        console.log("(This shell is not in hosted mode: the web app needs FOMO_HOSTED=1 or --hosted to require invitations.)");
    } else if (command.action === "list") {
      console.log(formatInvitations(await store.list()));
    } else if (command.action === "revoke") {
      const found = await store.revoke(command.id);
      console.log(found ? `Revoked ${command.id}: its link stops working within 5 seconds.` : `No invitation ${command.id} (see --list).`);
      if (!found) process.exitCode = 1;
    } else {
      console.log(formatVisits(await store.list(), await store.visits(command.id)));
    }
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  try {
    const command = parseInviteArgs(process.argv.slice(2));
    if (command.action === "help") {
      console.log(INVITE_USAGE);
      return;
    }
    await run(command);
  } catch (error) {
    const code = isFomoError(error) ? ` [${error.code}]` : "";
    console.error(`npm run invite failed${code}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

void main();
