import { createKafka, Partitioners } from "../server/kafka/kafkajs-client";
import type { EngineClient } from "../server/query/engine-client";
import { latencyStats, type LatencyStats } from "./latency";

/**
 * Freshness: produce one marker purchase, then query the engine until a query sees it. The time
 * from handing the message to the producer to the first query that returns it is one sample.
 */
export async function measureFreshness(options: {
  brokers: string[];
  topic: string;
  engine: EngineClient;
  samples: number;
  log: (line: string) => void;
}): Promise<LatencyStats & { produceAckP50Ms: number }> {
  const kafka = createKafka(options.brokers, "fomo-bench-freshness", { silent: true });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const samples: number[] = [];
  const acks: number[] = [];
  // Upper case like every customerId of the dataset: a lower-case marker would make the column
  // hold both cases, and the engine would then compare it through lower() (MySQL's _ci semantics)
  // on every row, which measures that, not freshness (10M rows: p99 40 → 210 ms).
  const run = Date.now().toString(36).toUpperCase();
  try {
    for (let sample = 0; sample < options.samples; sample++) {
      const customerId = `MARK-${run}-${sample}`;
      const sql = `SELECT count(*) AS seen FROM ${options.topic} WHERE customerid = '${customerId}'`;
      const started = performance.now();
      await producer.send({
        topic: options.topic,
        messages: [{ key: customerId, value: JSON.stringify({ customerId, amount: 42.5, itemCode: "96385074" }) }],
      });
      acks.push(performance.now() - started);
      for (;;) {
        const result = await options.engine.query(sql);
        if (Number(result.rows[0]?.[0]) > 0) break;
        if (performance.now() - started > 30_000) throw new Error(`marker ${customerId} not visible after 30 s`);
      }
      samples.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  } finally {
    await producer.disconnect();
  }
  const ackStats = latencyStats(acks);
  return { ...latencyStats(samples), produceAckP50Ms: ackStats.p50Ms };
}
