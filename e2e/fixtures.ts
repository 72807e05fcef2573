import { test as base, expect } from "@playwright/test";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Console errors a working page may log: the browser's own line for an API answering 4xx on bad SQL. */
const EXPECTED_CONSOLE = [/Failed to load resource: the server responded with a status of 4\d\d/];

interface Guards {
  /** Every request that tried to leave localhost (aborted), checked after each test. */
  externalRequests: string[];
  consoleErrors: string[];
}

/**
 * Every test runs offline-guarded: a request to any host but localhost is aborted and fails the
 * test, and so does any console error or uncaught page error.
 */
export const test = base.extend<Guards>({
  externalRequests: [
    async ({ context }, use) => {
      const external: string[] = [];
      await context.route(
        (url) =>
          (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") &&
          !LOCAL_HOSTS.has(url.hostname),
        async (route) => {
          external.push(route.request().url());
          await route.abort("blockedbyclient");
        },
      );
      await use(external);
      expect(external, "requests that left localhost").toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        // The browser's "Failed to load resource" line does not say which; the location does.
        const url = message.location().url;
        if (!EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) errors.push(url ? `${text} (${url})` : text);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
