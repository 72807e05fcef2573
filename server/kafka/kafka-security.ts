import { z } from "zod";

/**
 * How every Kafka connection of FOMO authenticates and encrypts: one value, built once by the
 * config module from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_TLS_*, and turned into each
 * client library's own options by kafka-connection-options.ts.
 */
export const KAFKA_SECURITY_PROTOCOLS = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] as const;
export const KAFKA_SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;

export type KafkaSecurityProtocol = (typeof KAFKA_SECURITY_PROTOCOLS)[number];
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export const kafkaSecuritySchema = z
  .object({
    protocol: z.enum(KAFKA_SECURITY_PROTOCOLS),
    sasl: z.object({ mechanism: z.enum(KAFKA_SASL_MECHANISMS), username: z.string().min(1), password: z.string().min(1) }).optional(),
    /** PEM texts (not paths): the config module read the files, so a bad path fails at start-up. */
    tls: z
      .object({ ca: z.string().optional(), cert: z.string().optional(), key: z.string().optional(), passphrase: z.string().optional() })
      .optional(),
  })
  .refine((security) => usesSasl(security.protocol) === (security.sasl !== undefined), {
    message: "SASL credentials go with SASL_PLAINTEXT or SASL_SSL, and those need them",
  })
  .refine((security) => security.tls === undefined || usesTls(security.protocol), { message: "TLS settings need SSL or SASL_SSL" });

export type KafkaSecurity = z.infer<typeof kafkaSecuritySchema>;

/** No authentication, no encryption: the embedded broker and the shared test stack. */
export const PLAINTEXT_SECURITY: KafkaSecurity = { protocol: "PLAINTEXT" };

export function usesSasl(protocol: KafkaSecurityProtocol): boolean {
  return protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL";
}

export function usesTls(protocol: KafkaSecurityProtocol): boolean {
  return protocol === "SSL" || protocol === "SASL_SSL";
}
