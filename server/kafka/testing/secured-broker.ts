import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startKafkaBroker, type KafkaBroker } from "../../stack/kafka/kafka-broker";
import { freePort } from "../../stack/testing/free-port";
import { shareFetchedJars } from "../../stack/testing/private-broker";
import type { KafkaSecurity } from "../kafka-security";
import { makeTestCertificates, type TestCertificates } from "./test-certificates";

/**
 * One private broker with three listeners, so one start serves every secured-client test:
 * PLAINTEXT (setup), SASL_PLAINTEXT (PLAIN for `alice`, SCRAM-SHA-256/512 for `bob`) and SSL that
 * requires a client certificate signed by the test's own CA.
 */
export interface SecuredBroker {
  plaintextBrokers: string[];
  saslBrokers: string[];
  sslBrokers: string[];
  certificates: TestCertificates;
  /** SASL_PLAINTEXT security for the given mechanism and the right (or `password`) credentials. */
  sasl(mechanism: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512", password?: string): KafkaSecurity;
  /** SSL security with the CA and the client certificate (as the config module reads them from KAFKA_TLS_* files). */
  tls(): KafkaSecurity;
  dispose(): Promise<void>;
}

const PLAIN_USER = { name: "alice", password: "alice-secret" };
const SCRAM_USER = { name: "bob", password: "bob-secret" };

export async function startSecuredBroker(): Promise<SecuredBroker> {
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-secured-broker-"));
  let broker: KafkaBroker | undefined;
  try {
    shareFetchedJars(stackDir);
    const certificates = makeTestCertificates(path.join(stackDir, "certificates"));
    const [port, controllerPort, saslPort, sslPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    broker = await startKafkaBroker({
      stackDir,
      port,
      controllerPort,
      heap: "256m",
      extraListeners: [
        { name: "SASL", port: saslPort, protocol: "SASL_PLAINTEXT", saslMechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] },
        {
          name: "SSL",
          port: sslPort,
          protocol: "SSL",
          tls: {
            keystorePath: certificates.brokerKeystorePath,
            keystorePassword: certificates.brokerKeystorePassword,
            clientCaPath: certificates.caPath,
          },
        },
      ],
      saslUsers: { plain: { [PLAIN_USER.name]: PLAIN_USER.password }, scram: { [SCRAM_USER.name]: SCRAM_USER.password } },
    });
    const running = broker;
    return {
      plaintextBrokers: running.brokers,
      saslBrokers: [`127.0.0.1:${saslPort}`],
      sslBrokers: [`127.0.0.1:${sslPort}`],
      certificates,
      sasl(mechanism, password) {
        const user = mechanism === "PLAIN" ? PLAIN_USER : SCRAM_USER;
        return { protocol: "SASL_PLAINTEXT", sasl: { mechanism, username: user.name, password: password ?? user.password } };
      },
      tls() {
        const read = (file: string) => fs.readFileSync(file, "utf8");
        return {
          protocol: "SSL",
          tls: {
            ca: read(certificates.caPath),
            cert: read(certificates.clientCertPath),
            key: read(certificates.clientKeyPath),
            passphrase: certificates.clientKeyPassphrase,
          },
        };
      },
      async dispose() {
        await running.stop();
        fs.rmSync(stackDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await broker?.stop();
    fs.rmSync(stackDir, { recursive: true, force: true });
    throw error;
  }
}
