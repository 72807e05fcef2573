import { createKafka, Partitioners } from "../../server/kafka/kafkajs-client";
import type { EngineClient } from "../../server/query/engine-client";

/**
 * Engine freshness under load, as bench/freshness.ts measures it: produce one marker purchase,
 * query the engine until a query sees it; one sample every `everyMs` until `signal` aborts.
 */
export async function sampleFreshness(options: {
  brokers: string[];
  engine: EngineClient;
  everyMs: number;
  signal: AbortSignal;
}): Promise<{ samples: number[]; failures: string[] }> {
  const kafka = createKafka(options.brokers, "fomo-load-freshness", { silent: true });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const samples: number[] = [];
  const failures: string[] = [];
  // Upper case like the dataset's ids (see bench/freshness.ts for why).
  const run = Date.now().toString(36).toUpperCase();
  try {
    for (let sample = 0; !options.signal.aborted; sample++) {
      const customerId = `MARK-${run}-${sample}`;
      const sql = `SELECT count(*) AS seen FROM purchases WHERE customerid = '${customerId}'`;
      const started = performance.now();
      try {
        await producer.send({
          topic: "purchases",
          messages: [{ key: customerId, value: JSON.stringify({ customerId, amount: 10.5, itemCode: "96385074" }) }],
        });
        for (;;) {
          const result = await options.engine.query(sql);
          if (Number(result.rows[0]?.[0]) > 0) break;
          if (performance.now() - started > 30_000) throw new Error(`marker ${customerId} not visible after 30 s`);
        }
        samples.push(performance.now() - started);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    }
  } finally {
    await producer.disconnect();
  }
  return { samples, failures };
}
