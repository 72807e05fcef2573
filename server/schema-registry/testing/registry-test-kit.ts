import { randomUUID } from "node:crypto";
import { SchemaRegistry as ConfluentClient } from "@kafkajs/confluent-schema-registry";
import { afterEach } from "vitest";
import { testStack } from "../../stack/testing/test-stack";
import { startEmbeddedRegistry, type EmbeddedRegistry } from "../embedded-registry";
import { basicAuthHeader, type BasicCredentials } from "../http/basic-auth";
import { deleteRegistryTopic } from "../registry-kafka";

/**
 * An embedded registry on the test broker, on its own store topic (so no test sees another's
 * schemas) and a free port. `restart()` starts a new registry on the same topic.
 */
export class TestRegistry {
  // `__` like the broker's own topics, so engines running on the shared test broker never ingest it.
  readonly topic = `__schemas-test-${randomUUID()}`;
  private current: EmbeddedRegistry | undefined;
  /** The port of the last start, so a restart (even after `stop()`) comes back at the same URL. */
  private port = 0;

  constructor(private readonly auth?: BasicCredentials) {}

  async start(port = this.port): Promise<EmbeddedRegistry> {
    this.current = await startEmbeddedRegistry({
      brokers: testStack().kafkaBrokers,
      topic: this.topic,
      host: "127.0.0.1",
      port,
      auth: this.auth,
      writeTimeoutMs: 10_000,
    });
    this.port = Number(new URL(this.current.url).port);
    return this.current;
  }

  get url(): string {
    if (!this.current) throw new Error("the test registry is not started");
    return this.current.url;
  }

  /** A client nobody here wrote, talking to this registry (no retries: a failure should show at once). */
  client(): ConfluentClient {
    return new ConfluentClient({ host: this.url, auth: this.auth && { ...this.auth }, retry: { retries: 0 } });
  }

  async restart(): Promise<EmbeddedRegistry> {
    await this.stop();
    return this.start();
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.close();
  }

  /** Stops it and deletes its store topic. */
  async dispose(): Promise<void> {
    await this.stop();
    await deleteRegistryTopic(testStack().kafkaBrokers, this.topic).catch(() => undefined);
  }

  /** Raw REST call, for what the client does not expose (status codes, error bodies, deletes). */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; contentType: string | null; body: unknown }> {
    const headers: Record<string, string> = { "content-type": "application/vnd.schemaregistry.v1+json" };
    if (this.auth) headers.authorization = basicAuthHeader(this.auth);
    const response = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The /schema endpoints answer the schema text itself.
    }
    return { status: response.status, contentType: response.headers.get("content-type"), body: parsed };
  }
}

/** For a describe block: starts a registry on its own topic; each is disposed after its test. */
export function registryPerTest(): (auth?: BasicCredentials) => Promise<TestRegistry> {
  const registries: TestRegistry[] = [];
  afterEach(async () => {
    await Promise.all(registries.splice(0).map((registry) => registry.dispose()));
  });
  return async (auth) => {
    const registry = new TestRegistry(auth);
    registries.push(registry);
    await registry.start();
    return registry;
  };
}
