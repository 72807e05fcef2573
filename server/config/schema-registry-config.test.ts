import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index";

describe("schema registry configuration", () => {
  it("runs the embedded registry by default, on the profile's port, storing schemas in _schemas", () => {
    expect(parseConfig({}).schemaRegistry).toEqual({
      external: false,
      url: "http://127.0.0.1:3102",
      port: 3102,
      topic: "_schemas",
      auth: undefined,
    });
    expect(parseConfig({ FOMO_PROFILE: "test" }).schemaRegistry.port).toBe(23102);
  });

  it("uses an existing registry with its credentials when SCHEMA_REGISTRY_URL is set", () => {
    const config = parseConfig({
      SCHEMA_REGISTRY_URL: "https://registry.example.test:8081/",
      SCHEMA_REGISTRY_USERNAME: "key",
      SCHEMA_REGISTRY_PASSWORD: "secret",
    });
    expect(config.schemaRegistry).toMatchObject({
      external: true,
      url: "https://registry.example.test:8081",
      auth: { username: "key", password: "secret" },
    });
  });

  it("refuses a URL that is not one, and a user name without a password", () => {
    expect(() => parseConfig({ SCHEMA_REGISTRY_URL: "not a url" })).toThrow(ConfigError);
    expect(() => parseConfig({ SCHEMA_REGISTRY_USERNAME: "key" })).toThrow(/SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD/);
    expect(() => parseConfig({ SCHEMA_REGISTRY_TOPIC: "bad topic" })).toThrow(/SCHEMA_REGISTRY_TOPIC/);
  });
});
