import { describe, expect, it } from "vitest";
import { isHiddenTopic, isInternalTopic } from "./topic-visibility";

describe("which topics are tables", () => {
  it("never ingests the broker's own topics nor the schema registry's store", () => {
    expect(["__consumer_offsets", "_schemas"].filter(isInternalTopic)).toEqual(["__consumer_offsets", "_schemas"]);
    expect(["purchases", "_schemas_backup", "schemas"].filter(isInternalTopic)).toEqual([]);
    expect(isHiddenTopic("purchases-dlq", "purchases-dlq")).toBe(true);
    expect(isHiddenTopic("requestlog", "purchases-dlq")).toBe(false);
  });
});
