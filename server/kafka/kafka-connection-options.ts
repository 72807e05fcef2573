import type { ConnectionOptions as TlsConnectionOptions } from "node:tls";
import type { SASLOptions as PlatformaticSaslOptions } from "@platformatic/kafka";
import type { KafkaConfig, SASLOptions } from "kafkajs";
import { loadConfig } from "../config";
import type { KafkaSecurity } from "./kafka-security";

/**
 * One KafkaSecurity, two client libraries: each function below says the same thing (which SASL
 * mechanism and credentials, which CA, client certificate and key) in one library's words, so a
 * secured cluster is reached the same way by the product's kafkajs clients and by the engine's
 * and bulk producer's @platformatic/kafka connections.
 */

/**
 * The security this process was configured with (KAFKA_SECURITY_PROTOCOL and friends). Client
 * factories default to it, so a service that only knows its brokers connects as the operator asked.
 */
export function configuredKafkaSecurity(): KafkaSecurity {
  return loadConfig().kafka.security;
}

/** Node's TLS options from the PEM texts; undefined when the protocol does not encrypt. */
function tlsOptions(security: KafkaSecurity): TlsConnectionOptions | undefined {
  if (security.protocol !== "SSL" && security.protocol !== "SASL_SSL") return undefined;
  const tls = security.tls ?? {};
  // Without a CA file Node's own trust store applies (a public CA, e.g. a managed cluster).
  return {
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.passphrase ? { passphrase: tls.passphrase } : {}),
  };
}

function kafkajsSasl({ mechanism, username, password }: NonNullable<KafkaSecurity["sasl"]>): SASLOptions {
  switch (mechanism) {
    case "PLAIN":
      return { mechanism: "plain", username, password };
    case "SCRAM-SHA-256":
      return { mechanism: "scram-sha-256", username, password };
    case "SCRAM-SHA-512":
      return { mechanism: "scram-sha-512", username, password };
  }
}

export function kafkajsSecurityOptions(security: KafkaSecurity): Pick<KafkaConfig, "ssl" | "sasl"> {
  const ssl = tlsOptions(security);
  return { ...(ssl ? { ssl } : {}), ...(security.sasl ? { sasl: kafkajsSasl(security.sasl) } : {}) };
}

export function platformaticSecurityOptions(security: KafkaSecurity): { tls?: TlsConnectionOptions; sasl?: PlatformaticSaslOptions } {
  const tls = tlsOptions(security);
  const sasl = security.sasl;
  return {
    ...(tls ? { tls } : {}),
    ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } } : {}),
  };
}
