import type { ProducedPoison } from "../../server/stack/testing/poison-corpus";
import type { ChaosStack } from "./chaos-stack";
import { readWarehouseLedger } from "./warehouse-ledger";
import type { Figure } from "./scenario";

type Totals = Map<string, { total: number; count: number }>;

function add(totals: Totals, customer: string, amount: number): void {
  const entry = totals.get(customer) ?? { total: 0, count: 0 };
  entry.total += amount;
  entry.count += 1;
  totals.set(customer, entry);
}

function differences(label: string, expected: Totals, actual: Totals, limit = 3): string[] {
  const lines: string[] = [];
  let count = 0;
  for (const customer of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(customer) ?? { total: 0, count: 0 };
    const got = actual.get(customer) ?? { total: 0, count: 0 };
    if (want.count === got.count && Math.abs(want.total - got.total) <= 0.001 * Math.max(1, want.count)) continue;
    count += 1;
    if (lines.length < limit)
      lines.push(`${customer}: ${got.count} rows / ${got.total.toFixed(3)} vs ${want.count} / ${want.total.toFixed(3)}`);
  }
  return count === 0 ? [] : [`${label}: ${count} customers differ, e.g. ${lines.join("; ")}`];
}

/**
 * Both sides agree on the good rows: per customer totals on Kafka (the engine, over exactly the
 * offsets the warehouse has loaded, without the dead-lettered coordinates) equal the warehouse's,
 * and the poison customers' totals equal what the corpus says its valid messages hold.
 */
export async function compareGoodRows(
  stack: ChaosStack,
  produced: ProducedPoison[],
): Promise<{ figures: Record<string, Figure>; failures: string[] }> {
  const ledger = await readWarehouseLedger(stack.warehouseAdmin, stack.database);
  const loaded =
    [...ledger.committed].map(([partition, next]) => `(_partition = ${partition} AND _offset < ${next})`).join(" OR ") || "false";
  const deadLettered = new Set(produced.filter((message) => message.deadLetter).map((message) => `${message.partition}:${message.offset}`));

  const kafka: Totals = new Map();
  const real = await stack.engine.query(
    `SELECT customerid, sum(amount) AS total, count(*) AS n FROM purchases WHERE customerid LIKE 'CU-1%' AND (${loaded}) GROUP BY customerid`,
  );
  for (const [customer, total, count] of real.rows) kafka.set(String(customer), { total: Number(total), count: Number(count) });
  // Everything else row by row (the generator only writes CU-1000..CU-1999), so the dead-lettered
  // coordinates can be left out whatever the engine made of those messages.
  const poisonRows = await stack.engine.query(
    `SELECT _partition, _offset, customerid, amount FROM purchases WHERE (customerid IS NULL OR customerid NOT LIKE 'CU-1%') AND (${loaded})`,
  );
  let excluded = 0;
  const engineRows = new Map<string, { customer: string; amount: number }>();
  for (const [partition, offset, customer, amount] of poisonRows.rows) {
    const coordinates = `${Number(partition)}:${Number(offset)}`;
    if (deadLettered.has(coordinates)) {
      excluded += 1;
      continue;
    }
    engineRows.set(coordinates, { customer: String(customer), amount: amount === null ? Number.NaN : Number(amount) });
    add(kafka, String(customer), amount === null ? Number.NaN : Number(amount));
  }
  // Which classes of valid messages the engine reads differently: names the part to fix.
  const misreadByKind = new Map<string, number>();
  for (const message of produced) {
    if (!message.purchase) continue;
    const row = engineRows.get(`${message.partition}:${message.offset}`);
    if (row && row.customer === message.purchase.customerId && Math.abs(row.amount - message.purchase.amount) <= 0.0005) continue;
    misreadByKind.set(message.kind, (misreadByKind.get(message.kind) ?? 0) + 1);
  }

  const expectedPoison: Totals = new Map();
  for (const message of produced) if (message.purchase) add(expectedPoison, message.purchase.customerId, message.purchase.amount);
  const warehousePoison: Totals = new Map([...ledger.customers].filter(([customer]) => customer.startsWith("CU-9")));
  const kafkaPoison: Totals = new Map([...kafka].filter(([customer]) => customer.startsWith("CU-9")));

  return {
    figures: {
      customersCompared: new Set([...kafka.keys(), ...ledger.customers.keys()]).size,
      engineRowsTruncated: real.truncated || poisonRows.truncated,
      deadLetteredRowsExcludedOnKafka: excluded,
      validPoisonMisreadOnKafka: [...misreadByKind.values()].reduce((sum, count) => sum + count, 0),
    },
    failures: [
      ...(misreadByKind.size > 0
        ? [
            `validPoisonMisreadOnKafka: the engine reads valid messages differently from the connector: ${[...misreadByKind].map(([kind, count]) => `${kind} ×${count}`).join(", ")}`,
          ]
        : []),
      ...differences("Kafka vs warehouse, good rows per customer", kafka, ledger.customers),
      ...differences("warehouse vs the corpus's valid poison", expectedPoison, warehousePoison),
      ...differences("Kafka vs the corpus's valid poison", expectedPoison, kafkaPoison),
    ],
  };
}
