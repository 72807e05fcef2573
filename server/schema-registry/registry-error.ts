import { FomoError, type ErrorCode } from "../../lib/errors";

/**
 * An error of the Schema Registry API: Confluent's numeric `error_code` and HTTP status (clients
 * branch on them, e.g. 40401 vs 40403), plus our own code for logs.
 */
export class RegistryError extends FomoError {
  constructor(
    code: ErrorCode,
    readonly errorCode: number,
    message: string,
    options: { cause?: unknown; canRetry?: boolean } = {},
  ) {
    super(code, message, options);
    this.name = "RegistryError";
  }

  /** Confluent's rule: the HTTP status is the first three digits of the error code (409 stays 409). */
  get status(): number {
    return this.errorCode < 1000 ? this.errorCode : Math.floor(this.errorCode / 100);
  }

  toRegistryBody(): { error_code: number; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

export const registryErrors = {
  subjectNotFound: (subject: string) => new RegistryError("not_found:subject", 40401, `Subject '${subject}' not found.`),
  versionNotFound: (subject: string, version: string | number) =>
    new RegistryError("not_found:version", 40402, `Version ${version} not found for subject '${subject}'.`),
  schemaNotFound: (what = "Schema not found") => new RegistryError("not_found:schema", 40403, what),
  subjectLevelConfigNotFound: (subject: string) =>
    new RegistryError("not_found:config", 40408, `Subject '${subject}' does not have subject-level compatibility configured`),
  invalidSchema: (message: string, cause?: unknown) => new RegistryError("bad_request:invalid_schema", 42201, message, { cause }),
  invalidVersion: (version: string) =>
    new RegistryError(
      "bad_request:invalid_version",
      42202,
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibility: (level: string) =>
    new RegistryError(
      "bad_request:invalid_compatibility",
      42203,
      `Invalid compatibility level. Valid values are none, backward, forward, full, and their transitive forms (got '${level}')`,
    ),
  incompatible: (detail: string) =>
    new RegistryError(
      "bad_request:incompatible_schema",
      409,
      `Schema being registered is incompatible with an earlier schema for subject: ${detail}`,
    ),
  notSoftDeleted: (what: string) =>
    new RegistryError("bad_request:not_soft_deleted", 40407, `${what} was not deleted first before being permanently deleted`),
  store: (message: string, cause: unknown) => new RegistryError("unavailable:schema_store", 50001, message, { cause, canRetry: true }),
  unauthorized: () => new RegistryError("bad_request:unauthorized", 40101, "Unauthorized"),
  badRequest: (message: string) => new RegistryError("bad_request:body", 400, message),
  routeNotFound: () => new RegistryError("not_found:route", 404, "HTTP 404 Not Found"),
};
