import { z } from "zod";
import { serviceStatusSchema } from "../../../lib/api/status";

/**
 * The IPC protocol between the supervisor and the Node services it forks (generator, connector,
 * engine). Children report status; the supervisor sends commands (the control API forwards them).
 * A child exits when its IPC channel closes, so a supervisor killed with -9 leaves no orphan.
 */
export const commandMessageSchema = z.object({
  type: z.literal("command"),
  id: z.number().int(),
  name: z.string(),
  args: z.record(z.string(), z.unknown()).default({}),
});

export const childMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("status"), status: serviceStatusSchema }),
  z.object({
    type: z.literal("reply"),
    id: z.number().int(),
    ok: z.boolean(),
    result: z.unknown().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
  z.object({ type: z.literal("fatal"), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type CommandMessage = z.infer<typeof commandMessageSchema>;
export type ChildMessage = z.infer<typeof childMessageSchema>;
