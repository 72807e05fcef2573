/**
 * Extra listeners of the embedded broker beside its PLAINTEXT one: SASL (PLAIN, SCRAM-SHA-256/512)
 * and TLS, so tests can prove every client connects to a secured cluster. The demo never uses them;
 * inter-broker and controller traffic stay on PLAINTEXT. No authorizer runs: an authenticated
 * client may do anything, as on the PLAINTEXT listener.
 */
export type BrokerSaslMechanism = "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";

export interface BrokerListener {
  /** Upper-case listener name, e.g. "SASL" or "SSL" ("PLAINTEXT" and "CONTROLLER" are taken). */
  name: string;
  port: number;
  protocol: "SASL_PLAINTEXT" | "SSL" | "SASL_SSL";
  /** Mechanisms offered on a SASL listener. */
  saslMechanisms?: BrokerSaslMechanism[];
  /** The broker's key and certificate, for SSL and SASL_SSL listeners. */
  tls?: {
    /** PKCS#12 keystore with the broker's key and certificate chain. */
    keystorePath: string;
    keystorePassword: string;
    /** PEM file of the CA whose client certificates are required; none: clients need no certificate. */
    clientCaPath?: string;
  };
}

export interface BrokerSaslUsers {
  /** PLAIN accounts (username → password), checked by the broker's own JAAS login module. */
  plain?: Record<string, string>;
  /**
   * SCRAM accounts, created for SCRAM-SHA-256 and SCRAM-SHA-512 when the storage is formatted
   * (`kafka-storage format --add-scram`): a broker started again on formatted storage keeps the first set.
   */
  scram?: Record<string, string>;
}

const LISTENER_NAME = /^[A-Z][A-Z0-9_]*$/;
// Values are written inside JAAS double quotes and server.properties lines.
const SAFE_SECRET = /^[A-Za-z0-9._~+=@-]+$/;

function checkListener(listener: BrokerListener): void {
  if (!LISTENER_NAME.test(listener.name) || listener.name === "PLAINTEXT" || listener.name === "CONTROLLER") {
    throw new Error(`listener name ${listener.name} must be upper-case and not PLAINTEXT or CONTROLLER`);
  }
  const sasl = listener.protocol !== "SSL";
  const tls = listener.protocol !== "SASL_PLAINTEXT";
  if (sasl !== (listener.saslMechanisms !== undefined && listener.saslMechanisms.length > 0)) {
    throw new Error(`listener ${listener.name}: SASL mechanisms go with SASL_PLAINTEXT and SASL_SSL, and those need them`);
  }
  if (tls !== (listener.tls !== undefined))
    throw new Error(`listener ${listener.name}: TLS stores go with SSL and SASL_SSL, and those need them`);
}

export function checkSaslUsers(users: BrokerSaslUsers): void {
  for (const [name, password] of [...Object.entries(users.plain ?? {}), ...Object.entries(users.scram ?? {})]) {
    if (!SAFE_SECRET.test(name) || !SAFE_SECRET.test(password))
      throw new Error(`SASL user ${name}: use only [A-Za-z0-9._~+=@-] in names and passwords`);
  }
}

/** The `listeners`, `advertised.listeners` and `listener.security.protocol.map` entries, and the per-listener settings. */
export function renderExtraListeners(
  host: string,
  listeners: BrokerListener[],
  users: BrokerSaslUsers,
): { bindings: string[]; protocols: string[]; settings: string[] } {
  checkSaslUsers(users);
  const bindings: string[] = [];
  const protocols: string[] = [];
  const settings: string[] = [];
  for (const listener of listeners) {
    checkListener(listener);
    const prefix = `listener.name.${listener.name.toLowerCase()}`;
    bindings.push(`${listener.name}://${host}:${listener.port}`);
    protocols.push(`${listener.name}:${listener.protocol}`);
    const mechanisms = listener.saslMechanisms ?? [];
    if (mechanisms.length > 0) settings.push(`${prefix}.sasl.enabled.mechanisms=${mechanisms.join(",")}`);
    for (const mechanism of mechanisms) {
      const jaas =
        mechanism === "PLAIN"
          ? `org.apache.kafka.common.security.plain.PlainLoginModule required ${Object.entries(users.plain ?? {})
              .map(([name, password]) => `user_${name}="${password}"`)
              .join(" ")};`
          : "org.apache.kafka.common.security.scram.ScramLoginModule required;";
      settings.push(`${prefix}.${mechanism.toLowerCase()}.sasl.jaas.config=${jaas}`);
    }
    if (listener.tls) {
      settings.push(
        `${prefix}.ssl.keystore.type=PKCS12`,
        `${prefix}.ssl.keystore.location=${listener.tls.keystorePath}`,
        `${prefix}.ssl.keystore.password=${listener.tls.keystorePassword}`,
        `${prefix}.ssl.key.password=${listener.tls.keystorePassword}`,
      );
      if (listener.tls.clientCaPath) {
        settings.push(
          `${prefix}.ssl.truststore.type=PEM`,
          `${prefix}.ssl.truststore.location=${listener.tls.clientCaPath}`,
          `${prefix}.ssl.client.auth=required`,
        );
      }
    }
  }
  return { bindings, protocols, settings };
}

/** `kafka-storage format` arguments that create the SCRAM accounts (both hash sizes). */
export function scramFormatArguments(users: BrokerSaslUsers): string[] {
  checkSaslUsers(users);
  return Object.entries(users.scram ?? {}).flatMap(([name, password]) =>
    ["SCRAM-SHA-256", "SCRAM-SHA-512"].flatMap((mechanism) => ["--add-scram", `${mechanism}=[name=${name},password=${password}]`]),
  );
}
