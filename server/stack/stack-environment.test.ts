import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config";
import { stackChildEnvironment } from "./stack-environment";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-stack-environment-"));
afterEach(() => vi.unstubAllEnvs());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the children's environment", () => {
  it("carries the Kafka security settings, with TLS files as absolute paths, so every child connects alike", () => {
    fs.writeFileSync(path.join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    const variables = {
      KAFKA_BROKERS: "kafka-1.example:9093",
      KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
      KAFKA_SASL_MECHANISM: "SCRAM-SHA-256",
      KAFKA_SASL_USERNAME: "fomo",
      KAFKA_SASL_PASSWORD: "secret",
      KAFKA_TLS_CA_FILE: "ca.pem",
    };
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    const supervisorConfig = parseConfig({ ...process.env }, dir);

    const childEnv = stackChildEnvironment(supervisorConfig);
    expect(childEnv.KAFKA_TLS_CA_FILE).toBe(path.join(dir, "ca.pem"));
    // A child resolves its config from that environment in its own working directory.
    const childConfig = parseConfig(childEnv, os.homedir());
    expect(childConfig.kafka.security).toEqual(supervisorConfig.kafka.security);
    expect(childConfig.kafka.security.sasl?.mechanism).toBe("SCRAM-SHA-256");
    expect(childConfig.kafka.security.tls?.ca).toContain("BEGIN CERTIFICATE");
  });
});
