import { FomoError } from "../../lib/errors";

/**
 * Kafka client errors as FomoErrors, for both client libraries. A refused login or a failed TLS
 * handshake is the operator's to fix (wrong KAFKA_SASL_PASSWORD, wrong CA): it gets a config code
 * and canRetry=false, so callers stop at once with that message instead of retrying as if the
 * broker were merely down.
 */

/** The error and everything it wraps (`cause` chains, aggregated `errors`), depth-first. */
function* errorChain(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== "object" || error === null || depth > 8) return;
  yield error;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* errorChain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* errorChain(inner, depth + 1);
}

function isAuthenticationFailure(error: object): boolean {
  const { name, code, type } = error as { name?: unknown; code?: unknown; type?: unknown };
  return (
    name === "KafkaJSSASLAuthenticationError" ||
    code === "PLT_KFK_AUTHENTICATION" ||
    type === "SASL_AUTHENTICATION_FAILED" ||
    (error as { apiId?: unknown }).apiId === "SASL_AUTHENTICATION_FAILED"
  );
}

function isTlsFailure(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_)|CERT|UNABLE_TO_(GET|VERIFY)/.test(code);
}

/** The FomoError for a refused login or a failed TLS handshake anywhere in `cause`; undefined otherwise. */
export function kafkaAccessError(cause: unknown): FomoError | undefined {
  for (const error of errorChain(cause)) {
    if (isAuthenticationFailure(error)) {
      return new FomoError(
        "config:kafka_authentication",
        "Kafka refused the SASL login: check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
        { cause, canRetry: false },
      );
    }
    if (isTlsFailure(error)) {
      const detail = error instanceof Error ? error.message : String((error as { code?: unknown }).code);
      return new FomoError(
        "config:kafka_tls",
        `The TLS connection to Kafka failed (${detail}): check KAFKA_TLS_CA_FILE, KAFKA_TLS_CERT_FILE, KAFKA_TLS_KEY_FILE and KAFKA_TLS_KEY_PASSPHRASE`,
        { cause, canRetry: false },
      );
    }
  }
  return undefined;
}

function protocolErrorIds(cause: unknown): string[] {
  return [...errorChain(cause)].flatMap((error) => {
    // @platformatic/kafka names a protocol error `apiId`, kafkajs `type` (both Kafka's own names).
    const { apiId, type } = error as { apiId?: unknown; type?: unknown };
    const id = apiId ?? type;
    return typeof id === "string" ? [id] : [];
  });
}

/** Maps a client error to a FomoError with context (`doing`: "reading offsets of x"), keeping the original as `cause`. */
export function kafkaError(cause: unknown, doing: string, topic?: string): FomoError {
  if (cause instanceof FomoError) return cause;
  const access = kafkaAccessError(cause);
  if (access) return access;
  const ids = protocolErrorIds(cause);
  if (topic && ids.some((id) => id === "UNKNOWN_TOPIC_OR_PARTITION" || id === "UNKNOWN_TOPIC_ID")) {
    return new FomoError("not_found:topic", `Topic "${topic}" does not exist`, { cause });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new FomoError("unavailable:kafka", `Kafka did not answer while ${doing}: ${detail}`, { cause, canRetry: true });
}
