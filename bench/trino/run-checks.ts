import { snapshotSchema, type QueryResult } from "../../lib/api/query";
import { answer, verdictOf, type Answer, type CliCheck, type QueryCheck } from "./check-verdicts";
import { CHECK_QUERIES, trinoTableAt, type TrinoTopicView } from "./check-queries";
import type { EngineSide } from "./engine-side";
import { runTrinoCli, trinoCliArgs, type TrinoCli } from "./trino-cli";
import { runTrinoStatement, type TrinoSession } from "./trino-statement";

const TRINO_VS_ENGINE = { left: "Trino", right: "engine" };

/**
 * Asks each check query of the engine first (its answer names the offsets it saw), then of Trino
 * on those same offsets (with Avro decimals decoded, see check-queries.ts), and compares; with `expected` (a topic this run produced) Trino is also
 * held to the produced values.
 */
export async function runChecks(options: {
  topic: string;
  view: TrinoTopicView;
  session: TrinoSession;
  engine: EngineSide;
  engineReady: { ready: boolean; reason: string };
  expected: Map<string, QueryResult> | undefined;
  log: (line: string) => void;
}): Promise<QueryCheck[]> {
  const checks: QueryCheck[] = [];
  for (const query of CHECK_QUERIES) {
    const engineSql = query.sql(options.topic);
    const engine = options.engineReady.ready ? await answer(() => options.engine.query(engineSql)) : undefined;
    const reported = engine?.ok ? engine.result.snapshot : null;
    const snapshot = reported && "topics" in reported ? snapshotSchema.parse(reported) : undefined;
    const trinoSql = query.sql(trinoTableAt(options.view, snapshot));
    const trino = await answer(() => runTrinoStatement(options.session, trinoSql));
    const expectedResult = options.expected?.get(query.name);
    const expected: Answer | undefined = expectedResult ? { ok: true, result: expectedResult } : undefined;
    const check: QueryCheck = {
      name: query.name,
      engineSql,
      trinoSql,
      trino,
      engine,
      trinoVsProduced: expected && verdictOf(trino, expected, query.ordered, { left: "Trino", right: "produced" }),
      trinoVsEngine: engine
        ? verdictOf(trino, engine, query.ordered, TRINO_VS_ENGINE)
        : { outcome: "not compared", reason: `the engine cannot answer: ${options.engineReady.reason}` },
    };
    options.log(
      `${query.name}: Trino ${trino.ok ? JSON.stringify(trino.result.rows) : `failed: ${trino.error}`}; ` +
        `vs produced ${check.trinoVsProduced?.outcome ?? "-"}; vs engine ${check.trinoVsEngine.outcome}`,
    );
    checks.push(check);
  }
  return checks;
}

/** The top-3 once more through trino-cli, as a developer would type it, against the HTTP protocol's answer. */
export async function runCliCheck(cli: TrinoCli, session: TrinoSession, top3: QueryCheck): Promise<CliCheck> {
  const cliAnswer = await answer(() => runTrinoCli(cli, session, top3.trinoSql));
  const command = ["java", ...trinoCliArgs(cli, session, top3.trinoSql)]
    .map((part) => (/^[\w./:=,@-]+$/.test(part) ? part : `'${part.replaceAll("'", "'\\''")}'`))
    .join(" ");
  // trino-cli's JSON output has no types; only names and values are compared.
  return { command, answer: cliAnswer, vsHttp: verdictOf(top3.trino, cliAnswer, true, { left: "HTTP", right: "trino-cli" }) };
}
