import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { QueryResult } from "../../lib/api/query";
import type { AvroDecimalField } from "./avro-decimals";
import type { Answer, CliCheck, QueryCheck, Verdict } from "./check-verdicts";
import type { DecimalSelfTest } from "./decimal-self-test";

export interface TrinoCheckReport {
  startedAt: string;
  totalMs: number;
  trino: { serverVersion: string; cliVersion: string; java: string; registryClientJar: string; startMs: number; heap: string };
  setup: { brokers: string[]; registryUrl: string; topic: string; engine: string; catalogProperties: string };
  produced: { messages: number; subject: string; schemaId: number; produceMs: number } | undefined;
  /** Trino's DESCRIBE of the topic: the columns Confluent's client resolved from our registry. */
  describe: Answer;
  /** Avro decimals Trino reads as VARBINARY, decoded by the check's view. */
  decimals: AvroDecimalField[];
  decimalTest: DecimalSelfTest | undefined;
  engineReadiness: { ready: boolean; reason: string };
  checks: QueryCheck[];
  cli: CliCheck | undefined;
  exitCode: number;
}

function table(result: QueryResult): string {
  const header = `| ${result.columns.map((column) => `${column.name} (${column.type})`).join(" | ")} |`;
  const rule = `|${result.columns.map(() => "---").join("|")}|`;
  const rows = result.rows.map((row) => `| ${row.map((cell) => (cell === null ? "NULL" : String(cell))).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}

function answerText(answer: Answer | undefined, what: string): string {
  if (!answer) return `${what}: not asked.`;
  if (!answer.ok) return `${what}: **no answer**: ${answer.error}`;
  return `${what} (${answer.result.elapsedMs.toFixed(0)} ms):\n\n${table(answer.result)}`;
}

function verdictText(verdict: Verdict | undefined): string {
  if (!verdict) return "—";
  if (verdict.outcome === "match") return "**match**";
  if (verdict.outcome === "differs") return `**DIFFERS**: ${verdict.detail}`;
  return `not compared: ${verdict.reason}`;
}

const OUTCOMES: Record<number, string> = {
  0: "Trino 476 (Confluent's kafka-schema-registry-client against FOMO's registry) and FOMO's engine give the same answers.",
  1: "FAILED: an answer differs, or Trino could not answer (see below).",
  3: "Trino 476 read the Avro topic through FOMO's registry correctly; FOMO's engine could NOT be compared (see its status below).",
};

export function renderTrinoReport(report: TrinoCheckReport): string {
  const lines = [
    `# Trino cross-check, ${report.startedAt}`,
    "",
    `**Outcome (exit ${report.exitCode})**: ${OUTCOMES[report.exitCode] ?? "unknown"}`,
    "",
    `- Trino server ${report.trino.serverVersion}, ${report.trino.cliVersion}, Java: ${report.trino.java}, heap ${report.trino.heap}, ` +
      `started in ${(report.trino.startMs / 1000).toFixed(1)} s`,
    `- Confluent client inside Trino's Kafka plugin: \`${report.trino.registryClientJar}\``,
    `- Machine: ${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end; ` +
      `whole run ${(report.totalMs / 1000).toFixed(0)} s`,
    `- Brokers ${report.setup.brokers.join(",")}, registry ${report.setup.registryUrl}, topic \`${report.setup.topic}\``,
    `- Engine side: ${report.setup.engine}`,
  ];
  if (report.produced) {
    lines.push(
      `- Produced by this run: ${report.produced.messages} Confluent-framed Avro purchases, subject \`${report.produced.subject}\`, ` +
        `schema id ${report.produced.schemaId}, in ${(report.produced.produceMs / 1000).toFixed(1)} s (@kafkajs/confluent-schema-registry + kafkajs)`,
    );
  }
  lines.push("", "## Trino's catalog", "", "```properties", report.setup.catalogProperties.trimEnd(), "```", "");
  lines.push(answerText(report.describe, `\`DESCRIBE ${report.setup.topic}\` on Trino`), "");
  if (report.decimals.length > 0) {
    const fields = report.decimals.map((field) => `\`${field.name}\` decimal(${field.precision},${field.scale})`).join(", ");
    lines.push(
      `Trino 476 maps Avro \`decimal\` (bytes) to VARBINARY (its Confluent Avro converter ignores logical types), so Trino reads ` +
        `${fields} through a view that decodes the bytes (big-endian two's complement, the scale from the registry's schema) ` +
        "into the same decimal type; the query text on top is unchanged.",
      "",
    );
  }
  if (report.decimalTest) {
    lines.push(
      `Decimal decoding held to known values (negatives and sign-bit edges): ${verdictText(report.decimalTest.verdict)}`,
      "",
      "```sql",
      report.decimalTest.sql,
      "```",
      "",
    );
  }
  lines.push(`Engine: ${report.engineReadiness.ready ? "ready" : "**cannot answer**"}: ${report.engineReadiness.reason}`, "");
  for (const check of report.checks) {
    lines.push(`## ${check.name}`, "", "```sql", check.engineSql, "```", "");
    if (check.trinoSql !== check.engineSql) lines.push("Trino ran:", "", "```sql", check.trinoSql, "```", "");
    lines.push(answerText(check.trino, "Trino"), "", answerText(check.engine, "FOMO's engine"), "");
    lines.push(`- Trino vs produced values: ${verdictText(check.trinoVsProduced)}`);
    lines.push(`- Trino vs FOMO's engine: ${verdictText(check.trinoVsEngine)}`, "");
  }
  if (report.cli) {
    lines.push("## trino-cli", "", "```", report.cli.command, "```", "", answerText(report.cli.answer, "trino-cli"), "");
    lines.push(`- trino-cli vs the HTTP protocol: ${verdictText(report.cli.vsHttp)}`, "");
  }
  return `${lines.join("\n")}\n`;
}

export function writeTrinoReport(report: TrinoCheckReport, resultsDir: string): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const file = path.join(resultsDir, `trino-${stamp}.md`);
  fs.writeFileSync(file, renderTrinoReport(report));
  return file;
}
