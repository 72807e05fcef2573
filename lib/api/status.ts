import { z } from "zod";

/** One service's health as shown by `/api/status` and the supervisor's control API. */
export const serviceStatusSchema = z.object({
  name: z.string(),
  healthy: z.boolean(),
  detail: z.string(),
  /** Service-specific figures (message counts, lag, rows loaded...), flat and JSON-safe. */
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
});

export const stackStatusSchema = z.object({
  services: z.array(serviceStatusSchema),
});

export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export type StackStatus = z.infer<typeof stackStatusSchema>;
