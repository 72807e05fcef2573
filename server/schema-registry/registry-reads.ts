import { registryErrors } from "./registry-error";
import type { RegistryState, SchemaVersion } from "./registry-state";
import type { CompatibilityLevel } from "./store-records";

/** The level every subject without its own starts with, as in Confluent's default configuration. */
export const DEFAULT_COMPATIBILITY: CompatibilityLevel = "BACKWARD";

/** A version in a URL: a number in [1, 2^31-1], or "latest" (also -1). */
export type VersionSpec = number | "latest";

export function parseVersionSpec(text: string): VersionSpec {
  if (text === "latest" || text === "-1") return "latest";
  if (!/^\d{1,10}$/.test(text)) throw registryErrors.invalidVersion(text);
  const version = Number(text);
  if (version < 1 || version > 2 ** 31 - 1) throw registryErrors.invalidVersion(text);
  return version;
}

/** Read-only questions to the state, with Confluent's not-found errors. */
export class RegistryReads {
  constructor(protected readonly state: RegistryState) {}

  subjects(includeDeleted: boolean): string[] {
    return this.state.subjectNames(includeDeleted);
  }

  versions(subject: string, includeDeleted: boolean): SchemaVersion[] {
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) throw registryErrors.subjectNotFound(subject);
    return versions;
  }

  version(subject: string, spec: VersionSpec, includeDeleted: boolean): SchemaVersion {
    const versions = this.versions(subject, includeDeleted);
    const found = spec === "latest" ? versions.at(-1) : versions.find((entry) => entry.version === spec);
    if (!found) throw registryErrors.versionNotFound(subject, spec);
    return found;
  }

  schemaById(id: number): SchemaVersion {
    const found = this.state.schemaById(id);
    if (!found) throw registryErrors.schemaNotFound();
    return found;
  }

  usagesOf(id: number, includeDeleted: boolean): SchemaVersion[] {
    this.schemaById(id);
    return this.state.usagesOf(id, includeDeleted);
  }

  /** The level that applies to `subject`: its own, else the global one, else BACKWARD. */
  effectiveLevel(subject: string | null): CompatibilityLevel {
    return (subject === null ? undefined : this.state.level(subject)) ?? this.state.level(null) ?? DEFAULT_COMPATIBILITY;
  }

  /** GET /config/{subject}: 40408 when the subject has no level of its own, unless `defaultToGlobal`. */
  configuredLevel(subject: string | null, defaultToGlobal: boolean): CompatibilityLevel {
    if (subject === null || defaultToGlobal) return this.effectiveLevel(subject);
    const own = this.state.level(subject);
    if (!own) throw registryErrors.subjectLevelConfigNotFound(subject);
    return own;
  }
}
