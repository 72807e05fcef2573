import { z } from "zod";
import { cellSchema, type QueryResult } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";
import { runCommand } from "../../server/stack/prerequisites/run-command";
import type { TrinoSession } from "./trino-statement";

/**
 * Trino's own command-line client (the executable jar from Maven), as a developer would run it by
 * hand: the check runs one query through it as well, so what the report shows is reproducible
 * with the printed command line.
 */
export interface TrinoCli {
  javaPath: string;
  cliJar: string;
}

export async function trinoCliVersion(cli: TrinoCli): Promise<string> {
  const { stdout } = await runCommand(cli.javaPath, ["-jar", cli.cliJar, "--version"], { timeoutMs: 60_000 });
  return stdout.trim();
}

export function trinoCliArgs(cli: TrinoCli, session: TrinoSession, sql: string): string[] {
  return [
    "-jar",
    cli.cliJar,
    "--server",
    session.url,
    "--catalog",
    session.catalog,
    "--schema",
    session.schema,
    "--user",
    "fomo-check",
    "--output-format",
    "JSON",
    "--execute",
    sql,
  ];
}

const jsonRowSchema = z.record(z.string(), cellSchema);

/** `--output-format JSON` prints one object per row, its keys in column order. */
export async function runTrinoCli(cli: TrinoCli, session: TrinoSession, sql: string): Promise<QueryResult> {
  const startedAt = performance.now();
  let stdout: string;
  try {
    ({ stdout } = await runCommand(cli.javaPath, trinoCliArgs(cli, session, sql), { timeoutMs: 300_000 }));
  } catch (cause) {
    throw new FomoError("bad_request:trino_cli", `trino-cli failed: ${(cause as { detail?: string }).detail ?? String(cause)}`, { cause });
  }
  const objects = stdout
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => jsonRowSchema.parse(JSON.parse(line)));
  const names = Object.keys(objects[0] ?? {});
  return {
    columns: names.map((name) => ({ name, type: "unknown" })),
    rows: objects.map((object) => names.map((name) => object[name] ?? null)),
    rowCount: objects.length,
    truncated: false,
    elapsedMs: performance.now() - startedAt,
    snapshot: null,
  };
}
