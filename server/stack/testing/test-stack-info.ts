import { z } from "zod";

/**
 * What the global test setup hands every test file (through vitest's provide/inject): where the
 * real broker and the real warehouse of this test run are.
 */
export const testStackInfoSchema = z.object({
  kafkaBrokers: z.array(z.string()).min(1),
  /** Admin URL of the warehouse server (root or equivalent); tests create their own databases. */
  mysqlAdminUrl: z.string(),
  /** The warehouse database the stack provisioned, with writer and read-only accounts. */
  warehouseDatabase: z.string(),
  writer: z.object({ user: z.string(), password: z.string() }),
  reader: z.object({ user: z.string(), password: z.string() }),
  stackDir: z.string(),
  /** TCP port of the warehouse server (the writer and reader accounts connect there, host 127.0.0.1 or MYSQL_URL's). */
  warehousePort: z.number().int().optional(),
  /** True when the test setup started its own broker / warehouse (false: FOMO_TEST_* pointed at running ones). */
  ownKafka: z.boolean().optional(),
  ownWarehouse: z.boolean().optional(),
});
export type TestStackInfo = z.infer<typeof testStackInfoSchema>;

declare module "vitest" {
  export interface ProvidedContext {
    testStack: TestStackInfo;
  }
}
