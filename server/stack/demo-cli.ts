import { isFomoError } from "../../lib/errors";
import { loadConfig, type FomoConfig } from "../config";
import { DEMO_USAGE, parseDemoCliArgs, type DemoCliArgs } from "./cli-args";
import { unsupportedNodeWarning } from "./prerequisites/node-runtime";
import { StackSupervisor } from "./supervisor";

/** `npm run demo`: the stack supervisor's command line. */

function log(line: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  console.log(`[${time}] ${line}`);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = isFomoError(error) ? ` [${error.code}]` : "";
  console.error(`\nFOMO could not start${code}:\n  ${message.split("\n").join("\n  ")}\n`);
}

async function main(): Promise<void> {
  let args: DemoCliArgs;
  let config: FomoConfig;
  try {
    args = parseDemoCliArgs(process.argv.slice(2));
    if (args.help) {
      console.log(DEMO_USAGE);
      return;
    }
    config = loadConfig(args.hosted ? { FOMO_HOSTED: "1" } : {});
  } catch (error) {
    fail(error);
    process.exit(2);
  }

  const nodeWarning = unsupportedNodeWarning();
  if (nodeWarning) log(`warning: ${nodeWarning}`);
  const supervisor = new StackSupervisor(config, log);
  let signalled = false;
  const stopOn = (reason: string) => {
    if (signalled) return;
    signalled = true;
    log(`${reason}: stopping the stack...`);
    void supervisor.shutdown().then(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stopOn(`${signal} received`));
  // `npm run demo` puts npm and a shell between the terminal and us; a SIGTERM sent to npm alone
  // kills that shell without passing the signal on. Being re-parented means our launcher is gone.
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) stopOn(`launcher (pid ${launcher}) exited`);
  }, 500).unref();

  log(`starting FOMO (profile ${config.profile}, ${config.hosted.enabled ? "hosted" : "local"} mode, stack dir ${config.stackDir})`);
  try {
    await supervisor.start({ fresh: args.fresh });
  } catch (error) {
    if (signalled) return; // the signal handler is already stopping everything
    fail(error);
    await supervisor.shutdown();
    process.exit(1);
  }
}

void main();
