import { z } from "zod";

/** Shapes of the explorer's Schema Registry pages and API (`/api/kafka/schemas/...`). */

/** Confluent allows any non-empty subject name; long ones are refused before reaching the registry. */
export const subjectNameSchema = z.string().min(1).max(1_000);

export const schemaTypeSchema = z.enum(["AVRO", "PROTOBUF", "JSON"]);

/** `subject`: set at the subject; `global`: the registry's default applies to it. */
export const compatibilitySchema = z.object({ level: z.string(), source: z.enum(["subject", "global"]) });

export const subjectSummarySchema = z.object({
  subject: z.string(),
  latestVersion: z.number(),
  schemaId: z.number(),
  schemaType: schemaTypeSchema,
});

export const subjectsOverviewSchema = z.object({
  subjects: z.array(subjectSummarySchema),
  /** All subjects in the registry; more than `subjects.length` when the list was cut. */
  totalSubjects: z.number(),
  globalCompatibility: z.string(),
  sampledAt: z.string(),
});

export const schemaVersionSchema = z.object({
  version: z.number(),
  schemaId: z.number(),
  schemaType: schemaTypeSchema,
  /** The schema text, pretty-printed when it is JSON (Avro, JSON Schema); Protobuf as written. */
  schema: z.string(),
});

export const subjectDetailSchema = z.object({
  subject: z.string(),
  compatibility: compatibilitySchema,
  /** Newest first. */
  versions: z.array(schemaVersionSchema),
  /** All versions the subject has; more than `versions.length` when the list was cut. */
  totalVersions: z.number(),
  sampledAt: z.string(),
});

export type SchemaType = z.infer<typeof schemaTypeSchema>;
export type SubjectSummary = z.infer<typeof subjectSummarySchema>;
export type SubjectsOverview = z.infer<typeof subjectsOverviewSchema>;
export type SchemaVersion = z.infer<typeof schemaVersionSchema>;
export type SubjectDetail = z.infer<typeof subjectDetailSchema>;
