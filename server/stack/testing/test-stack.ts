import { inject } from "vitest";
import { testStackInfoSchema, type TestStackInfo } from "./test-stack-info";

/** The real broker and warehouse of this test run (see global-setup.ts). */
export function testStack(): TestStackInfo {
  return testStackInfoSchema.parse(inject("testStack"));
}
