import { describe, expect, it } from "vitest";
import { unsupportedNodeWarning } from "./node-runtime";

describe("unsupportedNodeWarning", () => {
  it("accepts the supported LTS lines and newer ones", () => {
    expect(unsupportedNodeWarning("22.12.0")).toBeUndefined();
    expect(unsupportedNodeWarning("24.22.3")).toBeUndefined();
    expect(unsupportedNodeWarning("26.0.0")).toBeUndefined();
  });

  it("warns on a line past its end of life, naming the supported ones", () => {
    expect(unsupportedNodeWarning("20.20.2")).toBe(
      "Node.js 20.20.2 is not a supported release line (FOMO supports Node.js 22 and 24); it may work, but it is not tested.",
    );
    expect(unsupportedNodeWarning("23.1.0")).toMatch(/not a supported release line/);
  });
});
