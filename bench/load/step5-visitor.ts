import http from "node:http";
import type { LoadTally } from "./load-tally";

export interface CapturedRequest {
  method: string;
  path: string;
}

/**
 * One visitor on step 5, as light as we can make it so that 200 of them do not starve the server
 * on two cores: the page's own requests once (as the captured Chromium visit made them), then the
 * live stream held open over a raw HTTP connection, its events counted, until `signal` aborts.
 * A stream that ends or fails early is an error and is reopened after a second.
 */
export async function runStep5Visitor(options: {
  baseUrl: string;
  cookie: string;
  requests: CapturedRequest[];
  tally: () => LoadTally;
  signal: AbortSignal;
}): Promise<void> {
  const headers = options.cookie ? { cookie: options.cookie } : undefined;
  for (const request of options.requests) {
    if (options.signal.aborted) return;
    try {
      const response = await fetch(`${options.baseUrl}${request.path}`, { method: request.method, headers, signal: options.signal });
      await response.arrayBuffer();
      options.tally().pageRequests += 1;
      if (response.status === 429) options.tally().rateLimited += 1;
      else if (!response.ok) options.tally().error(`page ${request.path.split("?")[0]} ${response.status}`);
    } catch (error) {
      if (!options.signal.aborted) options.tally().error(`page ${request.path.split("?")[0]} ${(error as Error).name}`);
    }
  }
  while (!options.signal.aborted) {
    await holdStream(options, headers);
    if (!options.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function holdStream(
  options: { baseUrl: string; tally: () => LoadTally; signal: AbortSignal },
  headers: Record<string, string> | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(
      `${options.baseUrl}/api/live`,
      { headers: { ...headers, accept: "text/event-stream" }, signal: options.signal },
      (response) => {
        if (response.statusCode === 429) options.tally().rateLimited += 1;
        else if (response.statusCode !== 200) options.tally().error(`live ${response.statusCode}`);
        else options.tally().sseOpened += 1;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          let at = chunk.indexOf("event: ");
          while (at !== -1) {
            options.tally().sseEvents += 1;
            at = chunk.indexOf("event: ", at + 7);
          }
        });
        response.on("end", () => {
          if (!options.signal.aborted) options.tally().error("live stream ended early");
          resolve();
        });
        response.on("error", () => resolve());
      },
    );
    request.on("error", (error) => {
      if (!options.signal.aborted) options.tally().error(`live ${error.name}: ${error.message}`);
      resolve();
    });
  });
}
