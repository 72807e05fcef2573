import type { SchemaVersion } from "../registry-state";
import type { CompatibilityLevel, SchemaType } from "../store-records";
import { avroReadProblem, parseAvroSchema } from "./avro-format";

export interface CandidateSchema {
  schemaType: SchemaType;
  schema: string;
}

/**
 * Why `candidate` may not join a subject whose live versions are `existing` (ascending) under
 * `level`; an empty list means compatible. Non-transitive levels compare with the latest version
 * only. Avro is checked by schema resolution (a reader can read a writer's data iff avsc builds a
 * resolver); Protobuf and JSON Schema are only checked for a change of schema type.
 */
export function compatibilityProblems(level: CompatibilityLevel, candidate: CandidateSchema, existing: SchemaVersion[]): string[] {
  if (level === "NONE" || existing.length === 0) return [];
  const transitive = level.endsWith("_TRANSITIVE");
  const against = transitive ? existing : existing.slice(-1);
  const problems: string[] = [];
  for (const old of against) {
    if (old.schemaType !== candidate.schemaType) {
      problems.push(`version ${old.version} is ${old.schemaType}, the new schema is ${candidate.schemaType}`);
      continue;
    }
    if (candidate.schemaType !== "AVRO") continue;
    problems.push(...avroProblems(level, candidate.schema, old));
  }
  return problems;
}

function avroProblems(level: CompatibilityLevel, candidate: string, old: SchemaVersion): string[] {
  const newType = parseAvroSchema(candidate);
  const oldType = parseAvroSchema(old.schema);
  const problems: string[] = [];
  const backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
  const forward = level.startsWith("FORWARD") || level.startsWith("FULL");
  if (backward) {
    const problem = avroReadProblem(newType, oldType);
    if (problem) problems.push(`the new schema cannot read data written with version ${old.version} (${problem})`);
  }
  if (forward) {
    const problem = avroReadProblem(oldType, newType);
    if (problem) problems.push(`version ${old.version} cannot read data written with the new schema (${problem})`);
  }
  return problems;
}
