/** Schema of the internal per-topic tables; user SQL can never name it (see sql/sandbox-rules.ts). */
export const INGEST_SCHEMA = "fomo_ingest";
