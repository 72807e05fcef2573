/** Display helpers for the explorer (pure, safe in client and server components). */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return "measuring…";
  return `${perSecond < 10 ? oneDecimal.format(perSecond) : integer.format(perSecond)} msg/s`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "n/a";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? integer.format(value) : oneDecimal.format(value)} ${units[unit]}`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleDateString("en-CA")} ${date.toLocaleTimeString("en-GB", { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** The SQL workspace link with a starter query for a topic (the Kafka side reads it). */
export function sqlWorkspaceHref(topic: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(topic) ? topic : `"${topic.replaceAll('"', '""')}"`;
  const sql = `SELECT * FROM ${quoted} LIMIT 50`;
  return `/lab?database=kafka&sql=${encodeURIComponent(sql)}`;
}

export function topicHref(topic: string): string {
  return `/kafka/topics/${encodeURIComponent(topic)}`;
}

export function groupHref(groupId: string): string {
  return `/kafka/groups/${encodeURIComponent(groupId)}`;
}

export function schemaSubjectHref(subject: string): string {
  return `/kafka/schemas/${encodeURIComponent(subject)}`;
}
