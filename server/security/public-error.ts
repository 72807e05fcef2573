import type { ErrorKind, FomoError } from "../../lib/errors";

/**
 * What an API may say about an error. Local mode (a presenter's or an engineer's own machine)
 * keeps the full message, driver text included: it is how they fix their setup. Hosted mode shows
 * strangers only the code and a safe message: a failure of ours (5xx) becomes a fixed sentence per
 * kind, and a caller's mistake (4xx: SQL errors, bad input) keeps its message, which the story
 * needs ("table does not exist"), with file paths and network addresses blanked out. The full
 * detail always stays in the server log (the callers log 5xx with their cause).
 */

const SAFE_SERVER_MESSAGES: Partial<Record<ErrorKind, string>> = {
  unavailable: "This part of the demo is not available right now. Please try again in a moment.",
  config: "The demo is not configured correctly. The operator has been told.",
  stack: "A service of the demo failed. Please try again in a moment.",
  internal: "Something went wrong on our side. Please try again.",
};

const ABSOLUTE_PATH = /(?:[A-Za-z]:)?(?:\/[\w.@+-]+){2,}\/?/g;
const NETWORK_ADDRESS = /\b(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])(?::\d{2,5})?\b/gi;
const STACK_FRAME = /\n\s+at .*/g;

/** Blanks out paths, addresses and stack frames in text shown to a hosted visitor. */
export function redactInternals(text: string): string {
  return text.replace(STACK_FRAME, "").replace(ABSOLUTE_PATH, "<path>").replace(NETWORK_ADDRESS, "<address>");
}

export function publicErrorBody(error: FomoError, hosted: boolean): ReturnType<FomoError["toResponseBody"]> {
  const body = error.toResponseBody();
  if (!hosted) return body;
  const safe =
    error.httpStatus >= 500
      ? (SAFE_SERVER_MESSAGES[error.kind] ?? SAFE_SERVER_MESSAGES.internal ?? "")
      : redactInternals(body.error.message);
  return { error: { ...body.error, message: safe } };
}
