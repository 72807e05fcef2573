import { registryErrors } from "../registry-error";

/** A JSON Schema document is JSON that is an object or a boolean (draft 6+ allows `true`/`false`). */
export function parseJsonSchema(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw registryErrors.invalidSchema(`Invalid JSON schema: not JSON (${(cause as Error).message})`, cause);
  }
  if (typeof parsed === "boolean" || (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))) return parsed;
  throw registryErrors.invalidSchema("Invalid JSON schema: must be an object or a boolean");
}

export function jsonSchemaCanonical(text: string): string {
  return JSON.stringify(parseJsonSchema(text));
}
