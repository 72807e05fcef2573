import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from ".";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-kafka-security-env-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pemFile(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `-----BEGIN ${name}-----\n-----END ${name}-----\n`);
  return file;
}

const external = { KAFKA_BROKERS: "kafka-1.example:9093" };

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, dir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("parseConfig accepted the environment");
}

describe("Kafka security variables", () => {
  it("default to PLAINTEXT with no SASL and no TLS", () => {
    expect(parseConfig({}, dir).kafka.security).toEqual({ protocol: "PLAINTEXT" });
  });

  it("give SASL_SSL with SCRAM credentials and the PEM texts of the CA, certificate and key", () => {
    const security = parseConfig(
      {
        ...external,
        KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
        KAFKA_SASL_MECHANISM: "SCRAM-SHA-512",
        KAFKA_SASL_USERNAME: "analyst",
        KAFKA_SASL_PASSWORD: " spaced secret ",
        KAFKA_TLS_CA_FILE: pemFile("CA"),
        KAFKA_TLS_CERT_FILE: pemFile("CERT"),
        KAFKA_TLS_KEY_FILE: pemFile("KEY"),
        KAFKA_TLS_KEY_PASSPHRASE: "key pass",
      },
      dir,
    ).kafka.security;
    expect(security.protocol).toBe("SASL_SSL");
    expect(security.sasl).toEqual({ mechanism: "SCRAM-SHA-512", username: "analyst", password: " spaced secret " });
    expect(security.tls?.ca).toContain("BEGIN CA");
    expect(security.tls?.cert).toContain("BEGIN CERT");
    expect(security.tls?.key).toContain("BEGIN KEY");
    expect(security.tls?.passphrase).toBe("key pass");
  });

  it("refuse a SASL protocol without mechanism and credentials, naming each missing variable", () => {
    const error = configError({ ...external, KAFKA_SECURITY_PROTOCOL: "SASL_PLAINTEXT" });
    expect(error.code).toBe("config:invalid");
    for (const name of ["KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"]) expect(error.message).toContain(name);
  });

  it("refuse a mechanism or TLS file with a protocol that does not use it", () => {
    const error = configError({ ...external, KAFKA_SASL_MECHANISM: "PLAIN", KAFKA_TLS_CA_FILE: pemFile("CA") });
    expect(error.message).toContain("KAFKA_SASL_MECHANISM is set but KAFKA_SECURITY_PROTOCOL=PLAINTEXT uses no SASL");
    expect(error.message).toContain("KAFKA_TLS_CA_FILE is set but KAFKA_SECURITY_PROTOCOL=PLAINTEXT uses no TLS");
  });

  it("refuse a certificate without its key, and a file that cannot be read", () => {
    const error = configError({
      ...external,
      KAFKA_SECURITY_PROTOCOL: "SSL",
      KAFKA_TLS_CA_FILE: "missing-ca.pem",
      KAFKA_TLS_CERT_FILE: pemFile("CERT"),
    });
    expect(error.message).toContain("KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE go together");
    expect(error.message).toContain("KAFKA_TLS_CA_FILE=missing-ca.pem cannot be read (ENOENT)");
  });

  it("refuse a secured protocol for the embedded broker, which speaks PLAINTEXT only", () => {
    expect(configError({ KAFKA_SECURITY_PROTOCOL: "SSL" }).message).toContain("needs KAFKA_BROKERS");
  });

  it("refuse an unknown mechanism", () => {
    const error = configError({ ...external, KAFKA_SECURITY_PROTOCOL: "SASL_SSL", KAFKA_SASL_MECHANISM: "GSSAPI" });
    expect(error.message).toContain("KAFKA_SASL_MECHANISM");
  });
});
