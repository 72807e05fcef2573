import { FomoError } from "../../lib/errors";
import { RegistryAnswerError, type RegistryConnection } from "../decoding/registry-client";
import { registerSchema } from "../decoding/registry-registration";
import { confluentEncoderFor, type ConfluentEncoder } from "../decoding/value-encoder";
import type { Purchase, Request } from "../dataset/dataset";
import { eventSchema, valueSubjectOf, type RegisteredFormat, type ValueFormat } from "./event-schemas";
import { TOPIC_KINDS, TOPICS, type TopicDefinition, type TopicKind } from "../dataset/topics";

/** A generated message: the key as text, the value as JSON text or Confluent-framed bytes. */
export interface EncodedMessage {
  key: string;
  value: string | Buffer;
}

/** How the events of each topic become message values, in one format. */
export interface ValueEncoding {
  format: ValueFormat;
  /** Schema id per topic (avro/protobuf), for logs and status. */
  schemaIds: Partial<Record<TopicKind, number>>;
  messageAt(kind: TopicKind, seed: number, index: number): EncodedMessage;
}

export const JSON_ENCODING: ValueEncoding = {
  format: "json",
  schemaIds: {},
  messageAt(kind, seed, index) {
    const definition = TOPICS[kind] as TopicDefinition<{ customerId: string }>;
    const value = definition.valueAt(seed, index);
    return { key: definition.keyOf(value), value: definition.serialize(value) };
  },
};

function registeredEncoding(format: RegisteredFormat, encoders: Partial<Record<TopicKind, ConfluentEncoder>>): ValueEncoding {
  const schemaIds: Partial<Record<TopicKind, number>> = {};
  for (const [kind, encoder] of Object.entries(encoders)) schemaIds[kind as TopicKind] = encoder.schemaId;
  return {
    format,
    schemaIds,
    messageAt(kind, seed, index) {
      const encoder = encoders[kind];
      if (!encoder) throw new FomoError("internal:generator_format", `no ${format} schema was registered for ${kind}`);
      const definition = TOPICS[kind] as TopicDefinition<Purchase | Request>;
      const value = definition.valueAt(seed, index);
      // The event object as it is: its amount, rounded to cents by the dataset, becomes Avro's
      // decimal(10,2) exactly (the decoder's logical type scales and rounds it) or Protobuf's double.
      return { key: definition.keyOf(value), value: encoder.encode(value) };
    },
  };
}

export interface ValueEncodingOptions {
  format: ValueFormat;
  /** Needed for avro and protobuf. */
  registry?: RegistryConnection;
  /** The topic each kind is written to (default: its own name): its subject is `<topic>-value` (TopicNameStrategy). */
  topics?: Partial<Record<TopicKind, string>>;
  /** Which topics will be produced (default both): only their schemas are registered. */
  kinds?: readonly TopicKind[];
  /** Keep trying an unreachable registry this long (it may still be starting), default 60 s. */
  retryForMs?: number;
  log?: (message: string) => void;
  /** Stops the retries early (the generator was stopped meanwhile). */
  cancelled?: () => boolean;
}

/**
 * A registry that refuses our schema as incompatible (HTTP 409) almost always means this stack's
 * topics were written in another GENERATOR_FORMAT (or an older schema): say how to get out of it.
 */
function withFormatSwitchHint(error: unknown, format: string): unknown {
  if (!(error instanceof FomoError) || !(error.cause instanceof RegistryAnswerError) || error.cause.status !== 409) return error;
  return new FomoError(
    "bad_request:schema_registration",
    `${error.message}. This stack's topics hold values of another format or schema: start over in ${format} with \`npm run demo -- --fresh\` (it deletes the local broker and warehouse data), or set GENERATOR_FORMAT back to the format they were written in`,
    { cause: error },
  );
}

async function registerWithRetries(
  options: ValueEncodingOptions,
  subject: string,
  schema: ReturnType<typeof eventSchema>,
): Promise<number> {
  const deadline = Date.now() + (options.retryForMs ?? 60_000);
  let waitMs = 250;
  for (;;) {
    try {
      return await registerSchema(options.registry!, subject, schema);
    } catch (error) {
      const retry = error instanceof FomoError && error.canRetry && Date.now() + waitMs < deadline && !options.cancelled?.();
      if (!retry) throw withFormatSwitchHint(error, options.format);
      options.log?.(`waiting for the schema registry to register ${subject}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      waitMs = Math.min(waitMs * 2, 3_000);
    }
  }
}

/**
 * Registers the topics' schemas (avro/protobuf) once, retrying while the registry starts, and
 * returns the encoding that frames every value with its schema id. JSON needs no registry.
 */
export async function prepareValueEncoding(options: ValueEncodingOptions): Promise<ValueEncoding> {
  const { format } = options;
  if (format === "json") return JSON_ENCODING;
  if (!options.registry) throw new FomoError("config:generator_format", `GENERATOR_FORMAT=${format} needs a schema registry`);
  const encoders: Partial<Record<TopicKind, ConfluentEncoder>> = {};
  for (const kind of options.kinds ?? TOPIC_KINDS) {
    const topic = options.topics?.[kind] ?? TOPICS[kind].name;
    const schema = eventSchema(kind, format);
    const id = await registerWithRetries(options, valueSubjectOf(topic), schema);
    encoders[kind] = confluentEncoderFor({ id, ...schema });
    options.log?.(`${format} schema of ${topic} registered as id ${id} (subject ${valueSubjectOf(topic)})`);
  }
  return registeredEncoding(format, encoders);
}
