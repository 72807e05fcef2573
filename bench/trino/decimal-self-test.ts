import type { QueryResult } from "../../lib/api/query";
import { trinoDecimalExpression } from "./avro-decimals";
import { decimalBytes } from "./avro-purchases";
import { answer, verdictOf, type Answer, type Verdict } from "./check-verdicts";

/**
 * The check decodes Avro decimals in Trino SQL; this holds that decoding to known values on every
 * run (negative ones and sign-bit edges included, which a topic of positive amounts never shows),
 * so a wrong total can never be blamed on the decoder unnoticed.
 */
const SAMPLES: Array<{ cents: bigint; text: string }> = [
  { cents: 0n, text: "0.00" },
  { cents: 127n, text: "1.27" },
  { cents: 128n, text: "1.28" },
  { cents: 962103n, text: "9621.03" },
  { cents: -1n, text: "-0.01" },
  { cents: -128n, text: "-1.28" },
  { cents: -129n, text: "-1.29" },
  { cents: -1234567n, text: "-12345.67" },
  { cents: 9_999_999_999n, text: "99999999.99" },
];

export interface DecimalSelfTest {
  sql: string;
  answer: Answer;
  verdict: Verdict;
}

export async function runDecimalSelfTest(statement: (sql: string) => Promise<QueryResult>): Promise<DecimalSelfTest> {
  const values = SAMPLES.map((sample, index) => `(${index}, X'${decimalBytes(sample.cents).toString("hex").toUpperCase()}')`).join(", ");
  const decoded = trinoDecimalExpression({ name: "amount", precision: 10, scale: 2 });
  const sql = `SELECT n, ${decoded} AS amount FROM (VALUES ${values}) AS samples (n, "amount") ORDER BY n`;
  const trino = await answer(() => statement(sql));
  const expected: QueryResult = {
    columns: [
      { name: "n", type: "expected" },
      { name: "amount", type: "expected" },
    ],
    rows: SAMPLES.map((sample, index) => [index, sample.text]),
    rowCount: SAMPLES.length,
    truncated: false,
    elapsedMs: 0,
    snapshot: null,
  };
  return { sql, answer: trino, verdict: verdictOf(trino, { ok: true, result: expected }, true, { left: "Trino", right: "expected" }) };
}
