import { z } from "zod";
import { databaseSchema } from "./query";

export const catalogColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  /** Kafka only: values that did not fit this column's type (NULL in it, recorded in `_misfits`). */
  misfits: z.number().int().nonnegative().optional(),
});

export const catalogTableSchema = z.object({
  name: z.string(),
  columns: z.array(catalogColumnSchema),
  /** Messages (Kafka) or rows (warehouse), when cheap to know. */
  rowCount: z.number().int().nullable().optional(),
});

export const catalogSchemaSchema = z.object({ name: z.string(), tables: z.array(catalogTableSchema) });

/** Response of `GET /api/catalog?database=…` and the engine's `GET /v1/catalog`. */
export const catalogSchema = z.object({
  database: databaseSchema,
  schemas: z.array(catalogSchemaSchema),
});

export const catalogRequestSchema = z.object({ database: databaseSchema });

export type CatalogColumn = z.infer<typeof catalogColumnSchema>;
export type CatalogTable = z.infer<typeof catalogTableSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
