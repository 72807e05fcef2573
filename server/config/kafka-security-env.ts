import fs from "node:fs";
import path from "node:path";
import type { KafkaSecurity } from "../kafka/kafka-security";
import { ConfigError } from "./config-error";
import type { FomoEnv } from "./env-schema";

/**
 * KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_TLS_* as one KafkaSecurity, checked together so
 * that a half-configured secured cluster stops the start with every problem named, rather than a
 * client failing later with a handshake error. The PEM files are read here, once.
 */
/** Absolute paths of the KAFKA_TLS_*_FILE files, so children started in another directory read the same ones. */
export interface KafkaTlsFiles {
  ca: string | undefined;
  cert: string | undefined;
  key: string | undefined;
}

export function kafkaSecurityFromEnv(
  env: FomoEnv,
  usesEmbeddedBroker: boolean,
  cwd: string,
): { security: KafkaSecurity; tlsFiles: KafkaTlsFiles } {
  const protocol = env.KAFKA_SECURITY_PROTOCOL;
  const sasl = protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL";
  const tls = protocol === "SSL" || protocol === "SASL_SSL";
  const problems: string[] = [];
  const saslVariables = {
    KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM,
    KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD,
  };
  const tlsVariables = {
    KAFKA_TLS_CA_FILE: env.KAFKA_TLS_CA_FILE,
    KAFKA_TLS_CERT_FILE: env.KAFKA_TLS_CERT_FILE,
    KAFKA_TLS_KEY_FILE: env.KAFKA_TLS_KEY_FILE,
    KAFKA_TLS_KEY_PASSPHRASE: env.KAFKA_TLS_KEY_PASSPHRASE,
  };

  if (protocol !== "PLAINTEXT" && usesEmbeddedBroker) {
    problems.push(`KAFKA_SECURITY_PROTOCOL=${protocol} needs KAFKA_BROKERS: the embedded broker speaks PLAINTEXT only`);
  }
  for (const [name, value] of Object.entries(saslVariables)) {
    if (sasl && value === undefined) problems.push(`${name} is required with KAFKA_SECURITY_PROTOCOL=${protocol}`);
    if (!sasl && value !== undefined)
      problems.push(`${name} is set but KAFKA_SECURITY_PROTOCOL=${protocol} uses no SASL (use SASL_PLAINTEXT or SASL_SSL)`);
  }
  for (const [name, value] of Object.entries(tlsVariables)) {
    if (!tls && value !== undefined)
      problems.push(`${name} is set but KAFKA_SECURITY_PROTOCOL=${protocol} uses no TLS (use SSL or SASL_SSL)`);
  }
  if ((env.KAFKA_TLS_CERT_FILE === undefined) !== (env.KAFKA_TLS_KEY_FILE === undefined)) {
    problems.push("KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE go together (a client certificate and its private key)");
  }
  if (env.KAFKA_TLS_KEY_PASSPHRASE !== undefined && env.KAFKA_TLS_KEY_FILE === undefined) {
    problems.push("KAFKA_TLS_KEY_PASSPHRASE is set but KAFKA_TLS_KEY_FILE is not");
  }
  const absolute = (file: string | undefined) => (file === undefined ? undefined : path.resolve(cwd, file));
  const tlsFiles = { ca: absolute(env.KAFKA_TLS_CA_FILE), cert: absolute(env.KAFKA_TLS_CERT_FILE), key: absolute(env.KAFKA_TLS_KEY_FILE) };
  const readPem = (name: string, file: string | undefined): string | undefined => {
    if (file === undefined || !tls) return undefined;
    const resolved = path.resolve(cwd, file);
    try {
      return fs.readFileSync(resolved, "utf8");
    } catch (cause) {
      problems.push(`${name}=${file} cannot be read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`);
      return undefined;
    }
  };
  const ca = readPem("KAFKA_TLS_CA_FILE", env.KAFKA_TLS_CA_FILE);
  const cert = readPem("KAFKA_TLS_CERT_FILE", env.KAFKA_TLS_CERT_FILE);
  const key = readPem("KAFKA_TLS_KEY_FILE", env.KAFKA_TLS_KEY_FILE);
  if (problems.length > 0) throw new ConfigError(`Invalid Kafka security settings:\n  ${problems.join("\n  ")}`);

  const security: KafkaSecurity = {
    protocol,
    ...(sasl && env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
      ? { sasl: { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD } }
      : {}),
    ...(tls ? { tls: { ca, cert, key, passphrase: env.KAFKA_TLS_KEY_PASSPHRASE } } : {}),
  };
  return { security, tlsFiles };
}
