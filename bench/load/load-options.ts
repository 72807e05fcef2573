import { parseArgs } from "node:util";
import { z } from "zod";

/** Command-line options of `npm run load` (see bench/README.md). */
export const loadOptionsSchema = z.object({
  /** Step 5 visitors in the main phase. */
  visitors: z.number().int().positive(),
  /** Step 5 visitors in the baseline phase: queries per second must not grow from it to the main phase. */
  baselineVisitors: z.number().int().nonnegative(),
  /** /lab visitors in both phases. */
  lab: z.number().int().nonnegative(),
  /** Measured seconds of the main phase and of the baseline phase (after each ramp). */
  durationS: z.number().int().positive(),
  baselineS: z.number().int().positive(),
  /** Seconds over which a phase's step 5 visitors arrive (not in the queries-per-second window). */
  rampS: z.number().int().nonnegative(),
  resultsDir: z.string(),
  chromiumPath: z.string(),
});
export type LoadOptions = z.infer<typeof loadOptionsSchema>;

export function parseLoadOptions(argv: string[], chromiumPath: string): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      visitors: { type: "string", default: "200" },
      "baseline-visitors": { type: "string", default: "20" },
      lab: { type: "string", default: "20" },
      duration: { type: "string", default: "120" },
      baseline: { type: "string", default: "30" },
      ramp: { type: "string", default: "20" },
      "results-dir": { type: "string", default: "bench/results" },
    },
  });
  return loadOptionsSchema.parse({
    visitors: Number(values.visitors),
    baselineVisitors: Number(values["baseline-visitors"]),
    lab: Number(values.lab),
    durationS: Number(values.duration),
    baselineS: Number(values.baseline),
    rampS: Number(values.ramp),
    resultsDir: values["results-dir"],
    chromiumPath,
  });
}
