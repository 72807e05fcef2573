import { compatibilityProblems } from "./formats/compatibility";
import { schemaIdentity } from "./formats/schema-formats";
import { registryErrors } from "./registry-error";
import { RegistryReads, type VersionSpec } from "./registry-reads";
import { RegistryState, type SchemaVersion } from "./registry-state";
import { SchemaLog, type SchemaLogOptions } from "./schema-log";
import {
  COMPATIBILITY_LEVELS,
  configKeyBytes,
  configValueBytes,
  schemaKeyBytes,
  schemaValueBytes,
  type CompatibilityLevel,
  type SchemaType,
} from "./store-records";

export interface SchemaSubmission {
  schema: string;
  schemaType: SchemaType;
  references: SchemaVersion["references"];
}

/**
 * The registry: reads from the state, writes through the log. Writes run one at a time, so ids and
 * version numbers are allocated from a state that already shows every earlier write.
 */
export class SchemaRegistry extends RegistryReads {
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    state: RegistryState,
    private readonly log: SchemaLog,
  ) {
    super(state);
  }

  static async open(options: SchemaLogOptions): Promise<SchemaRegistry> {
    const state = new RegistryState(schemaIdentity);
    return new SchemaRegistry(state, await SchemaLog.open(state, options));
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writing.then(work, work);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private identity(submission: SchemaSubmission): string {
    if (submission.references.length > 0) {
      throw registryErrors.invalidSchema(
        "Schema references are not supported by this registry (FOMO's embedded one); inline the referenced types",
      );
    }
    return schemaIdentity(submission.schemaType, submission.schema, submission.references);
  }

  /** POST /subjects/{subject}: the live (or, with `includeDeleted`, any) version holding this schema. */
  lookup(subject: string, submission: SchemaSubmission, includeDeleted: boolean): SchemaVersion {
    const identity = this.identity(submission);
    const versions = this.versions(subject, includeDeleted);
    const id = this.state.idOf(identity);
    const found = versions.find((entry) => entry.id === id);
    if (!found) throw registryErrors.schemaNotFound();
    return found;
  }

  /** POST /subjects/{subject}/versions: the id of the schema, registering a new version when it is new to the subject. */
  register(subject: string, submission: SchemaSubmission): Promise<{ id: number }> {
    return this.serialized(async () => {
      const identity = this.identity(submission);
      const live = this.state.versions(subject, false);
      const knownId = this.state.idOf(identity);
      const existing = live.find((entry) => entry.id === knownId);
      if (existing) return { id: existing.id };
      const problems = compatibilityProblems(this.effectiveLevel(subject), submission, live);
      if (problems.length > 0) throw registryErrors.incompatible(problems.join("; "));
      const id = knownId ?? this.state.nextId();
      const version = this.state.maxVersion(subject) + 1;
      const value = { subject, version, id, ...submission, deleted: false };
      await this.log.append([{ key: schemaKeyBytes(subject, version), value: schemaValueBytes(value) }]);
      return { id };
    });
  }

  /** POST /compatibility/subjects/{subject}/versions/{version}: "latest" applies the subject's level (transitive ones: every version). */
  compatibility(subject: string, spec: VersionSpec, submission: SchemaSubmission): string[] {
    this.identity(submission);
    const level = this.effectiveLevel(subject);
    const live = this.state.versions(subject, false);
    if (spec === "latest" && live.length === 0) return [];
    const against = spec === "latest" ? live : [this.version(subject, spec, false)];
    // A named version is compared with that version only, in the level's direction(s).
    const singleLevel = spec === "latest" ? level : (level.replace("_TRANSITIVE", "") as CompatibilityLevel);
    return compatibilityProblems(singleLevel, submission, against);
  }

  /** DELETE /subjects/{subject}/versions/{version}: soft by default; `permanent` only after a soft delete. */
  deleteVersion(subject: string, spec: VersionSpec, permanent: boolean): Promise<number> {
    return this.serialized(async () => {
      const entry = this.version(subject, spec, permanent);
      if (permanent) {
        if (!entry.deleted) throw registryErrors.notSoftDeleted(`Subject '${subject}' Version ${entry.version}`);
        await this.log.append([{ key: schemaKeyBytes(subject, entry.version), value: null }]);
      } else {
        await this.log.append([{ key: schemaKeyBytes(subject, entry.version), value: schemaValueBytes({ ...entry, deleted: true }) }]);
      }
      return entry.version;
    });
  }

  /** DELETE /subjects/{subject}: every version, soft by default; `permanent` only after a soft delete. */
  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.serialized(async () => {
      const versions = this.versions(subject, permanent);
      if (permanent && versions.some((entry) => !entry.deleted)) throw registryErrors.notSoftDeleted(`Subject '${subject}'`);
      const records = versions.map((entry) => ({
        key: schemaKeyBytes(subject, entry.version),
        value: permanent ? null : schemaValueBytes({ ...entry, deleted: true }),
      }));
      await this.log.append(records);
      return versions.map((entry) => entry.version);
    });
  }

  /** PUT /config and /config/{subject}. */
  setLevel(subject: string | null, requested: string): Promise<CompatibilityLevel> {
    const level = requested.toUpperCase();
    if (!(COMPATIBILITY_LEVELS as readonly string[]).includes(level)) throw registryErrors.invalidCompatibility(requested);
    return this.serialized(async () => {
      await this.log.append([{ key: configKeyBytes(subject), value: configValueBytes(level as CompatibilityLevel) }]);
      return level as CompatibilityLevel;
    });
  }

  /** DELETE /config/{subject}: back to the global level; returns the level the subject had. */
  deleteLevel(subject: string): Promise<CompatibilityLevel> {
    return this.serialized(async () => {
      const previous = this.configuredLevel(subject, false);
      await this.log.append([{ key: configKeyBytes(subject), value: null }]);
      return previous;
    });
  }

  /** Undefined while healthy; otherwise why not (the topic's reader is down). */
  problem(): string | undefined {
    return this.log.problem();
  }

  figures(): { subjects: number; schemas: number } {
    return { subjects: this.subjects(false).length, schemas: this.state.nextId() - 1 };
  }

  async close(): Promise<void> {
    await this.log.close();
  }
}
