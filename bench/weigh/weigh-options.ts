import { parseArgs } from "node:util";
import { z } from "zod";

/** Command-line options of `npm run weigh` (see bench/README.md). */
export const weighOptionsSchema = z.object({
  /** A running production FOMO to weigh; without it the run starts its own stack (and builds the app if needed). */
  url: z.url().optional(),
  stackDir: z.string(),
  /** Ports are `<base>092` (Kafka), `<base>093` (controller), `<base>306` (warehouse), `<base>100` (control), `<base>101` (engine), `<base>000` (web). */
  portBase: z.number().int().min(1).max(64),
  /** Lighthouse runs per page; the median score is recorded (a shared machine makes single runs noisy). */
  lighthouseRuns: z.number().int().min(1).max(9),
  chromiumPath: z.string().min(1),
  resultsDir: z.string(),
});
export type WeighOptions = z.infer<typeof weighOptionsSchema>;

export function parseWeighOptions(argv: string[]): WeighOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      "stack-dir": { type: "string" },
      "port-base": { type: "string" },
      "lighthouse-runs": { type: "string" },
      chromium: { type: "string" },
      "results-dir": { type: "string" },
    },
    strict: true,
  });
  return weighOptionsSchema.parse({
    url: values.url,
    stackDir: values["stack-dir"] ?? ".stack-weigh",
    portBase: Number(values["port-base"] ?? 19),
    lighthouseRuns: Number(values["lighthouse-runs"] ?? 3),
    chromiumPath: values.chromium ?? "/usr/bin/chromium",
    resultsDir: values["results-dir"] ?? "bench/results",
  });
}
