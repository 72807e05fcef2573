import type { MessagePayload } from "@/lib/api/explorer";
import { Badge } from "./explorer-ui";

/** How keys and values look in a message card: a format badge, the decoded data, or why it is not decoded. */

const FORMAT_LABELS = { json: "JSON", avro: "Avro", protobuf: "Protobuf", "json-schema": "JSON Schema" } as const;

const REASON_LABELS: Record<string, string> = {
  "unknown-schema-id": "unknown schema id",
  "registry-unreachable": "Schema Registry unreachable",
  "registry-unauthorized": "Schema Registry refused our credentials",
  "no-registry": "no Schema Registry configured",
  "unsupported-schema": "unsupported schema",
  malformed: "malformed",
  "not-decodable": "not decodable",
  empty: "empty",
};

/** "Avro · purchases-value v2 · id 3"; "JSON" for plain JSON; "text" for plain text. */
export function formatLabel(payload: MessagePayload): string {
  switch (payload.kind) {
    case "null":
      return "null";
    case "text":
      return "text";
    case "undecodable":
      return `not decoded: ${REASON_LABELS[payload.reason] ?? payload.reason}`;
    case "decoded": {
      const parts: string[] = [FORMAT_LABELS[payload.format]];
      if (payload.subject) parts.push(payload.schemaVersion === null ? payload.subject : `${payload.subject} v${payload.schemaVersion}`);
      if (payload.schemaId !== null) parts.push(`id ${payload.schemaId}`);
      return parts.join(" · ");
    }
  }
}

export function FormatBadge({ payload, testId }: { payload: MessagePayload; testId?: string }) {
  const tone = payload.kind === "undecodable" ? "amber" : payload.kind === "decoded" && payload.schemaId !== null ? "indigo" : "slate";
  return (
    <span data-testid={testId}>
      <Badge tone={tone}>{formatLabel(payload)}</Badge>
    </span>
  );
}

/** A key on one line: a string as itself, other data as compact JSON. */
export function inlinePayload(payload: MessagePayload): string {
  switch (payload.kind) {
    case "null":
      return "null";
    case "text":
      return payload.text;
    case "undecodable":
      return `0x ${payload.hexPreview}${payload.previewTruncated ? " …" : ""}`;
    case "decoded":
      return payload.json.startsWith('"') ? String(JSON.parse(payload.json)) : payload.json;
  }
}

const preClass =
  "mt-1.5 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs leading-relaxed text-slate-800 dark:bg-slate-950 dark:text-slate-200";

/** The value: decoded data as (pretty) JSON, plain text, or the reason plus a preview of the raw bytes. */
export function PayloadBody({ payload }: { payload: MessagePayload }) {
  if (payload.kind === "undecodable") {
    return (
      <div className="mt-1.5 space-y-1" data-testid="message-undecodable">
        <p className="text-xs text-slate-600 dark:text-slate-400">{payload.detail}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">Raw bytes (hex{payload.previewTruncated ? ", the first 256" : ""}):</p>
        <pre className={preClass}>
          {payload.hexPreview}
          {payload.previewTruncated ? " …" : ""}
        </pre>
        <details className="text-xs text-slate-600 dark:text-slate-400">
          <summary className="cursor-pointer">Raw bytes as base64</summary>
          <pre className={preClass}>{payload.base64Preview}</pre>
        </details>
      </div>
    );
  }
  const text = payload.kind === "null" ? "null" : payload.kind === "text" ? payload.text : payload.json;
  const truncated = payload.kind !== "null" && payload.truncated;
  return (
    <pre className={preClass} data-testid="message-value">
      {text}
      {truncated ? "\n… (value cut for display)" : ""}
    </pre>
  );
}
