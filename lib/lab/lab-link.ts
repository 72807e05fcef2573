import { z } from "zod";

/** Longest SQL a `/lab` link carries: past it, URLs stop being shareable (and are refused). */
export const LAB_LINK_MAX_SQL = 8_000;

/** `/lab?database=…&sql=…`: which side's editor opens with which query. */
export const labLinkSchema = z.object({
  database: z.enum(["kafka", "warehouse"]),
  sql: z.string().trim().min(1).max(LAB_LINK_MAX_SQL),
});

export type LabLink = z.infer<typeof labLinkSchema>;

/**
 * Reads a `/lab` deep link from the page's search params. Anything else (an unknown database,
 * a repeated parameter, SQL over the limit) is ignored: the lab opens as it was.
 */
export function parseLabLink(searchParams: Record<string, string | string[] | undefined>): LabLink | undefined {
  const parsed = labLinkSchema.safeParse({ database: searchParams.database, sql: searchParams.sql });
  return parsed.success ? parsed.data : undefined;
}

/** The shareable link to a query; relative unless an origin is given. */
export function labLinkUrl(link: LabLink, origin = ""): string {
  const params = new URLSearchParams({ database: link.database, sql: link.sql });
  return `${origin}/lab?${params.toString()}`;
}
