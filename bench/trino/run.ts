import path from "node:path";
import { childEnvironment, loadConfig } from "../../server/config";
import { startEmbeddedRegistry } from "../../server/schema-registry/embedded-registry";
import { deleteRegistryTopic } from "../../server/schema-registry/registry-kafka";
import { startEngineChild } from "../engine-child";
import { producePurchases, removeProducedPurchases, type ProducedPurchases } from "./avro-purchases";
import { answer, exitCodeOf } from "./check-verdicts";
import { engineReadiness, engineSideOverHttp, engineSideOverWeb } from "./engine-side";
import { expectedAnswers } from "./expected-answers";
import { fetchValueDecimals } from "./avro-decimals";
import { runDecimalSelfTest } from "./decimal-self-test";
import { prepareTrino, runCheckedTrino } from "./trino-session";
import { runChecks, runCliCheck } from "./run-checks";
import { parseTrinoCheckOptions } from "./trino-options";
import { writeTrinoReport } from "./trino-report";

/**
 * `npm run trino-check`: reads FOMO's Avro topics with Trino 476's Kafka connector (Confluent
 * table-description supplier, i.e. Confluent's own kafka-schema-registry-client against FOMO's
 * registry) and compares its answers with FOMO's engine. See bench/trino/README.md.
 */

const log = (line: string) => process.stderr.write(`[trino-check ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<number> {
  const config = loadConfig();
  const options = parseTrinoCheckOptions(process.argv.slice(2), config);
  const startedAt = new Date();
  const stamp = startedAt.getTime().toString(36);
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = () =>
    Promise.allSettled(
      cleanups
        .splice(0)
        .reverse()
        .map((cleanup) => cleanup()),
    );
  const interrupted = () => {
    log("interrupted: cleaning up");
    void cleanUp().then(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    const prepared = await prepareTrino(options, log);
    let registryUrl = options.registryUrl;
    if (options.embeddedRegistry) {
      const storeTopic = `__schemas-trino-check-${stamp}`;
      const registry = await startEmbeddedRegistry({
        brokers: options.brokers,
        topic: storeTopic,
        host: "127.0.0.1",
        port: 0,
        auth: options.registryAuth,
      });
      cleanups.push(async () => {
        await registry.close();
        await deleteRegistryTopic(options.brokers, storeTopic);
      });
      registryUrl = registry.url;
      log(`embedded registry on ${options.brokers.join(",")} (store topic ${storeTopic}) at ${registryUrl}`);
    }

    const topic = options.produce > 0 ? `trino_check_${stamp}_purchases` : options.topic;
    let produced: ProducedPurchases | undefined;
    if (options.produce > 0) {
      const where = { brokers: options.brokers, registryUrl, registryAuth: options.registryAuth, topic };
      cleanups.push(() => removeProducedPurchases(where));
      produced = await producePurchases({ ...where, count: options.produce, seed: options.seed, log });
    }

    let engineUrl = options.engineUrl;
    if (options.startEngine) {
      const engine = await startEngineChild({
        brokers: options.brokers,
        topicPrefix: topic,
        env: childEnvironment({ SCHEMA_REGISTRY_URL: registryUrl }),
        log,
      });
      cleanups.push(() => engine.stop());
      engineUrl = engine.url;
      const caughtUp = await engine.caughtUp;
      log(`engine process ${engine.pid} at ${engineUrl} caught up: ${caughtUp.ingestedMessages} messages in ${caughtUp.ms.toFixed(0)} ms`);
    }
    const engine = options.webUrl ? engineSideOverWeb(options.webUrl) : engineSideOverHttp(engineUrl);
    const engineReady = await engineReadiness(engine, topic, ["customerid", "amount"]);
    log(`engine (${engine.label}): ${engineReady.ready ? "ready" : "cannot answer"}: ${engineReady.reason}`);

    const report = await runCheckedTrino({ prepared, options, registryUrl, topic, stamp, log }, async (trino) => {
      const describe = await answer(() => trino.statement(`DESCRIBE ${topic}`));
      const columns = describe.ok ? describe.result.rows.map((row) => String(row[0])) : [];
      const decimals = await fetchValueDecimals(registryUrl, options.registryAuth, topic);
      if (decimals.length > 0)
        log(
          `decoding Avro decimals for Trino: ${decimals.map((field) => `${field.name} decimal(${field.precision},${field.scale})`).join(", ")}`,
        );
      const decimalTest = decimals.length > 0 ? await runDecimalSelfTest(trino.statement) : undefined;
      if (decimalTest) log(`decimal decoding self-test: ${decimalTest.verdict.outcome}`);
      const checks = await runChecks({
        topic,
        view: { topic, columns, decimals },
        session: trino.session,
        engine,
        engineReady,
        expected: produced && expectedAnswers(produced),
        log,
      });
      const top3 = checks.find((check) => check.name.startsWith("top-3"));
      const cli = top3?.trino.ok ? await runCliCheck(trino.cli, trino.session, top3) : undefined;
      if (cli) log(`trino-cli: ${cli.vsHttp.outcome}`);
      return { describe, decimals, decimalTest, checks, cli, engineReady, engineLabel: engine.label };
    });

    const exitCode = exitCodeOf(report.checks, report.cli, report.decimalTest?.verdict);
    const file = writeTrinoReport(
      {
        startedAt: startedAt.toISOString(),
        totalMs: Date.now() - startedAt.getTime(),
        trino: report.trino,
        setup: { brokers: options.brokers, registryUrl, topic, engine: report.engineLabel, catalogProperties: report.catalogProperties },
        produced: produced && {
          messages: produced.messages,
          subject: produced.subject,
          schemaId: produced.schemaId,
          produceMs: produced.produceMs,
        },
        describe: report.describe,
        decimals: report.decimals,
        decimalTest: report.decimalTest,
        engineReadiness: report.engineReady,
        checks: report.checks,
        cli: report.cli,
        exitCode,
      },
      options.resultsDir,
    );
    log(`report: ${path.resolve(file)} (exit ${exitCode})`);
    return exitCode;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? `${error.message}${error.cause ? ` (cause: ${String(error.cause)})` : ""}` : String(error)}`);
    process.exit(1);
  },
);
