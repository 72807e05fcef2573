import type { ChildServiceName } from "../service-names";

/**
 * Commands that set a service's state rather than ask it something, keyed by the state they set.
 * A restarted child starts in its default state, so the supervisor replays the last command of
 * each key: a pipeline the presenter stopped stays stopped after the connector crashed, and a
 * paused generator stays paused.
 */
const STICKY_COMMANDS: Partial<Record<ChildServiceName, Record<string, string>>> = {
  connector: { stop: "loading", start: "loading" },
  generator: { pause: "running", resume: "running", setRate: "rate" },
};

/** The state a command sets, or undefined when it sets none. */
export function stickyStateKey(service: ChildServiceName, command: string): string | undefined {
  return STICKY_COMMANDS[service]?.[command];
}
