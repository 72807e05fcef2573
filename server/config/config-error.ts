import { FomoError } from "../../lib/errors";

/** A bad or missing configuration value: never retryable, always the operator's to fix. */
export class ConfigError extends FomoError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("config:invalid", message, { cause: options?.cause, canRetry: false });
  }
}
