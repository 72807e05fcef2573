import { decodeFailure, type DecodeResult } from "./decode-result";
import { lookUpSchema, type RegistryConnection } from "./registry-lookup";
import { payloadDecoderFor, type PayloadDecoder } from "./schema-decoders";
import { readConfluentFrame } from "./wire-format";

export interface ValueDecoderOptions {
  /** The registry that resolves Confluent-framed values; without one they decode as "no-registry". */
  registry?: RegistryConnection;
  /** How long "the registry does not know this id" is remembered (a poison topic must not flood it). */
  unknownIdTtlMs?: number;
}

type KnownSchema = { kind: "ready"; decoder: PayloadDecoder; subject?: string; version?: number };
type SchemaEntry = KnownSchema | { kind: "failed"; result: DecodeResult; until: number };

/**
 * Decodes Kafka keys and values: Confluent wire format (Avro, Protobuf, JSON Schema) through the
 * registry, else plain JSON. `decode` never throws: every problem is a `{ ok: false, reason }`.
 */
export class ValueDecoder {
  private readonly schemas = new Map<number, SchemaEntry>();
  private readonly pending = new Map<number, Promise<SchemaEntry>>();

  constructor(private readonly options: ValueDecoderOptions = {}) {}

  async decode(bytes: Buffer | null | undefined): Promise<DecodeResult> {
    try {
      if (!bytes || bytes.length === 0) return decodeFailure("empty", "no bytes (a null value or a tombstone)");
      const frame = readConfluentFrame(bytes);
      if (frame.kind === "truncated") return decodeFailure("malformed", `Confluent header cut short: ${bytes.length} of 5 bytes`);
      if (frame.kind === "unframed") return decodePlainJson(bytes);
      const entry = await this.schemaFor(frame.schemaId);
      if (entry.kind === "failed") return entry.result;
      try {
        const { value, columns } = entry.decoder.decode(frame.payload);
        const result: DecodeResult = {
          ok: true,
          value,
          format: entry.decoder.format,
          schemaId: frame.schemaId,
          schemaVersion: entry.version,
          subject: entry.subject,
        };
        if (columns) result.columns = columns;
        return result;
      } catch (error) {
        return decodeFailure("malformed", `does not match schema ${frame.schemaId}: ${(error as Error).message}`, frame.schemaId);
      }
    } catch (error) {
      return decodeFailure("not-decodable", `unexpected decoder error: ${(error as Error).message}`);
    }
  }

  private async schemaFor(id: number): Promise<SchemaEntry> {
    const cached = this.schemas.get(id);
    if (cached && (cached.kind === "ready" || cached.until > Date.now())) return cached;
    let loading = this.pending.get(id);
    if (!loading) {
      loading = this.load(id).finally(() => this.pending.delete(id));
      this.pending.set(id, loading);
    }
    return loading;
  }

  private async load(id: number): Promise<SchemaEntry> {
    const { registry } = this.options;
    if (!registry)
      return { kind: "failed", result: decodeFailure("no-registry", `schema id ${id}, but no registry is configured`, id), until: 0 };
    const outcome = await lookUpSchema(registry, id);
    if (outcome.kind === "unreachable") {
      // Not cached: the next message asks again, so decoding resumes as soon as the registry is back.
      return { kind: "failed", result: decodeFailure("registry-unreachable", outcome.detail, id), until: 0 };
    }
    const entry = this.entryFor(id, outcome);
    this.schemas.set(id, entry);
    return entry;
  }

  private entryFor(id: number, outcome: Exclude<Awaited<ReturnType<typeof lookUpSchema>>, { kind: "unreachable" }>): SchemaEntry {
    const until = Date.now() + (this.options.unknownIdTtlMs ?? 60_000);
    if (outcome.kind === "unknown") return { kind: "failed", result: decodeFailure("unknown-schema-id", outcome.detail, id), until };
    if (outcome.kind === "unauthorized")
      return { kind: "failed", result: decodeFailure("registry-unauthorized", outcome.detail, id), until };
    const { schema } = outcome;
    if (schema.hasReferences) {
      return { kind: "failed", result: decodeFailure("unsupported-schema", `schema ${id} uses schema references`, id), until };
    }
    try {
      return { kind: "ready", decoder: payloadDecoderFor(schema), subject: schema.subject, version: schema.version };
    } catch (error) {
      const detail = `schema ${id} (${schema.schemaType}) cannot be used: ${(error as Error).message}`;
      return { kind: "failed", result: decodeFailure("unsupported-schema", detail, id), until };
    }
  }
}

function decodePlainJson(bytes: Buffer): DecodeResult {
  try {
    return { ok: true, value: JSON.parse(bytes.toString("utf8")) as unknown, format: "json" };
  } catch {
    return decodeFailure(
      "not-decodable",
      `neither Confluent framing nor JSON (${bytes.length} bytes, first byte 0x${bytes[0]?.toString(16)})`,
    );
  }
}
