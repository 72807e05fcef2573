import { z } from "zod";
import { STEP_IDS } from "./steps";

/**
 * What the audience window and the speaker window tell each other. Positions are absolute (step
 * name + fragment), so a clicker pressed twice quickly in one window never makes the other skip
 * or bounce back.
 */
export const deckMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("state"),
    sender: z.string().min(1).max(64),
    role: z.enum(["audience", "speaker"]),
    stepId: z.enum(STEP_IDS),
    fragment: z.number().int().min(0).max(99),
    blanked: z.boolean(),
  }),
  // A window that just opened asks the others where the deck is.
  z.object({ type: z.literal("hello"), sender: z.string().min(1).max(64), role: z.enum(["audience", "speaker"]) }),
]);

export type DeckMessage = z.infer<typeof deckMessageSchema>;
export type DeckStateMessage = Extract<DeckMessage, { type: "state" }>;
export type DeckRole = DeckMessage["role"];

export const DECK_CHANNEL = "fomo-deck";
