import { z } from "zod";
import type { SchemaType, SchemaVersion, SubjectDetail, SubjectsOverview, SubjectSummary } from "../../lib/api/schema-registry";
import { schemaTypeSchema } from "../../lib/api/schema-registry";
import { FomoError } from "../../lib/errors";
import type { RegistryConnection } from "../decoding/registry-lookup";
import { RegistryAnswerError, registryGet } from "../decoding/registry-client";

/** Most subjects the overview reads (one request each for their latest version). */
export const MAX_SUBJECTS = 300;
/** Most versions a subject page reads (newest first). */
export const MAX_VERSIONS = 50;
/** Latest-version reads in flight at once: a registry on a real cluster is shared, be gentle. */
const PARALLEL_READS = 8;

const subjectsSchema = z.array(z.string());
const versionsSchema = z.array(z.number().int());
const subjectVersionSchema = z.object({
  subject: z.string(),
  version: z.number().int(),
  id: z.number().int(),
  // Confluent leaves it out for Avro.
  schemaType: schemaTypeSchema.optional(),
  schema: z.string(),
});
const configSchema = z.object({ compatibilityLevel: z.string() });

/** Confluent's "subject not found" (40401) and "version not found" (40402). */
function isNotFound(error: unknown): boolean {
  return error instanceof RegistryAnswerError && (error.errorCode === 40401 || error.errorCode === 40402 || error.status === 404);
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Avro and JSON Schema text re-indented for reading; Protobuf (or anything not JSON) as written. */
export function prettySchema(schema: string, schemaType: SchemaType): string {
  if (schemaType === "PROTOBUF") return schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

const subjectPath = (subject: string) => `/subjects/${encodeURIComponent(subject)}`;

/** Every subject (up to MAX_SUBJECTS, by name) with its latest version, schema id and type, and the global compatibility level. */
export async function readSubjectsOverview(connection: RegistryConnection): Promise<SubjectsOverview> {
  const [names, global] = await Promise.all([
    registryGet(connection, "/subjects", subjectsSchema),
    registryGet(connection, "/config", configSchema),
  ]);
  const shown = [...names].sort((a, b) => a.localeCompare(b)).slice(0, MAX_SUBJECTS);
  const latest = await mapLimited(shown, PARALLEL_READS, async (subject): Promise<SubjectSummary | null> => {
    try {
      const version = await registryGet(connection, `${subjectPath(subject)}/versions/latest`, subjectVersionSchema);
      return { subject, latestVersion: version.version, schemaId: version.id, schemaType: version.schemaType ?? "AVRO" };
    } catch (error) {
      // Deleted between the two reads: leave it out rather than fail the page.
      if (isNotFound(error)) return null;
      throw error;
    }
  });
  return {
    subjects: latest.filter((s): s is SubjectSummary => s !== null),
    totalSubjects: names.length,
    globalCompatibility: global.compatibilityLevel,
    sampledAt: new Date().toISOString(),
  };
}

async function compatibilityOf(connection: RegistryConnection, subject: string): Promise<SubjectDetail["compatibility"]> {
  try {
    const own = await registryGet(connection, `/config/${encodeURIComponent(subject)}`, configSchema);
    return { level: own.compatibilityLevel, source: "subject" };
  } catch (error) {
    // 40408 (no subject-level config; older registries say 40401): the global default applies.
    if (!(error instanceof RegistryAnswerError) || error.status !== 404) throw error;
    const global = await registryGet(connection, "/config", configSchema);
    return { level: global.compatibilityLevel, source: "global" };
  }
}

/** A subject's versions (newest first, up to MAX_VERSIONS) with their schema text, and its compatibility level. */
export async function readSubjectDetail(connection: RegistryConnection, subject: string): Promise<SubjectDetail> {
  let versionNumbers: number[];
  try {
    versionNumbers = await registryGet(connection, `${subjectPath(subject)}/versions`, versionsSchema);
  } catch (error) {
    if (isNotFound(error)) throw new FomoError("not_found:subject", `The Schema Registry has no subject "${subject}"`, { cause: error });
    throw error;
  }
  const newest = [...versionNumbers].sort((a, b) => b - a).slice(0, MAX_VERSIONS);
  const [compatibility, versions] = await Promise.all([
    compatibilityOf(connection, subject),
    mapLimited(newest, PARALLEL_READS, async (version): Promise<SchemaVersion | null> => {
      try {
        const read = await registryGet(connection, `${subjectPath(subject)}/versions/${version}`, subjectVersionSchema);
        const schemaType = read.schemaType ?? "AVRO";
        return { version: read.version, schemaId: read.id, schemaType, schema: prettySchema(read.schema, schemaType) };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    }),
  ]);
  return {
    subject,
    compatibility,
    versions: versions.filter((v): v is SchemaVersion => v !== null),
    totalVersions: versionNumbers.length,
    sampledAt: new Date().toISOString(),
  };
}
