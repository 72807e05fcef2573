import { describe, expect, it } from "vitest";
import { findJavaRuntime, parseJavaMajor } from "./java-runtime";

describe("Java prerequisite", () => {
  it("reads the major version of modern and legacy `java -version` output", () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor("no version here")).toBeUndefined();
  });

  it("names JAVA_HOME and the fix when it has no java", async () => {
    await expect(findJavaRuntime("/nonexistent-jdk", undefined)).rejects.toMatchObject({
      code: "stack:missing_prerequisite",
      message: expect.stringContaining("JAVA_HOME=/nonexistent-jdk has no bin/java"),
    });
  });

  it("names PATH and the fix when no java is on it", async () => {
    await expect(findJavaRuntime(undefined, "/nonexistent")).rejects.toMatchObject({
      code: "stack:missing_prerequisite",
      message: expect.stringContaining("no `java` on PATH"),
    });
  });
});
