import {
  configValueSchema,
  parseStoreKey,
  schemaValueSchema,
  type CompatibilityLevel,
  type SchemaType,
  type SchemaValue,
} from "./store-records";

export interface SchemaVersion {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType: SchemaType;
  references: NonNullable<SchemaValue["references"]>;
  deleted: boolean;
}

/** What makes two registrations "the same schema" (same id): type, canonical text, references. */
export type SchemaIdentity = (schemaType: SchemaType, schema: string, references: SchemaVersion["references"]) => string;

/**
 * The registry's memory, rebuilt by replaying the `_schemas` topic from its start: every read is
 * answered from here, every write goes through the topic first and lands here when read back.
 */
export class RegistryState {
  private readonly subjects = new Map<string, Map<number, SchemaVersion>>();
  private readonly byId = new Map<number, SchemaVersion>();
  private readonly idByIdentity = new Map<string, number>();
  private readonly levels = new Map<string | null, CompatibilityLevel>();
  /** Offset of the last record applied (-1: none yet). */
  appliedOffset = -1n;

  constructor(private readonly identity: SchemaIdentity) {}

  apply(offset: bigint, keyBytes: Buffer | null, valueBytes: Buffer | null): void {
    this.appliedOffset = offset;
    const key = parseStoreKey(keyBytes);
    if (!key) return;
    if (key.keytype === "SCHEMA" && "version" in key) this.applySchema(key.subject, key.version, valueBytes);
    if (key.keytype === "CONFIG" && "magic" in key) this.applyConfig("subject" in key ? (key.subject ?? null) : null, valueBytes);
  }

  private applySchema(subject: string, version: number, valueBytes: Buffer | null): void {
    const versions = this.subjects.get(subject) ?? new Map<number, SchemaVersion>();
    this.subjects.set(subject, versions);
    const parsed = valueBytes ? schemaValueSchema.safeParse(parseJson(valueBytes)) : undefined;
    // A tombstone (or a value we cannot read) is a permanent delete of that version.
    if (!parsed?.success) {
      versions.delete(version);
      if (versions.size === 0) this.subjects.delete(subject);
      return;
    }
    const value = parsed.data;
    const entry: SchemaVersion = {
      subject,
      version,
      id: value.id,
      schema: value.schema,
      schemaType: value.schemaType ?? "AVRO",
      references: value.references ?? [],
      deleted: value.deleted ?? false,
    };
    versions.set(version, entry);
    if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry);
    const identity = this.identityOf(entry);
    if (identity !== undefined && !this.idByIdentity.has(identity)) this.idByIdentity.set(identity, entry.id);
  }

  private identityOf(entry: SchemaVersion): string | undefined {
    try {
      return this.identity(entry.schemaType, entry.schema, entry.references);
    } catch {
      // A schema written by another registry that we cannot parse still keeps its id and versions.
      return undefined;
    }
  }

  private applyConfig(subject: string | null, valueBytes: Buffer | null): void {
    const parsed = valueBytes ? configValueSchema.safeParse(parseJson(valueBytes)) : undefined;
    if (parsed?.success) this.levels.set(subject, parsed.data.compatibilityLevel);
    else this.levels.delete(subject);
  }

  subjectNames(includeDeleted: boolean): string[] {
    return [...this.subjects.keys()].filter((subject) => this.versions(subject, includeDeleted).length > 0).sort();
  }

  /** Versions in ascending order. */
  versions(subject: string, includeDeleted: boolean): SchemaVersion[] {
    const versions = [...(this.subjects.get(subject)?.values() ?? [])];
    return versions.filter((entry) => includeDeleted || !entry.deleted).sort((a, b) => a.version - b.version);
  }

  /** Highest version ever used in the subject, deleted ones included (new versions never reuse a number). */
  maxVersion(subject: string): number {
    return Math.max(0, ...(this.subjects.get(subject)?.keys() ?? []));
  }

  schemaById(id: number): SchemaVersion | undefined {
    return this.byId.get(id);
  }

  /** Every subject/version that carries this id. */
  usagesOf(id: number, includeDeleted: boolean): SchemaVersion[] {
    return [...this.subjects.keys()].flatMap((subject) => this.versions(subject, includeDeleted).filter((entry) => entry.id === id));
  }

  idOf(identity: string): number | undefined {
    return this.idByIdentity.get(identity);
  }

  nextId(): number {
    return Math.max(0, ...this.byId.keys()) + 1;
  }

  level(subject: string | null): CompatibilityLevel | undefined {
    return this.levels.get(subject);
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}
