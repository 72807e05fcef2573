import Link from "next/link";

const card = "group flex flex-col rounded-lg border border-line bg-surface-2/60 px-3 py-1.5 hover:border-line-strong hover:bg-surface-2";

/**
 * The story's ending: where to go from here, for a prospect alone or after the talk. On a projector
 * only the three headings show (the audience takes the details from the presenter).
 */
export function WhatNext() {
  return (
    <section
      aria-labelledby="what-next-title"
      className="flex min-w-0 flex-col gap-1.5 rounded-2xl border border-line bg-surface p-3 shadow-sm"
      data-testid="what-next"
    >
      <h2 id="what-next-title" className="text-body font-semibold">
        What next
      </h2>
      <Link prefetch={false} href="/lab" className={card} data-testid="what-next-lab">
        <span className="text-sm font-semibold">
          Ask your own questions in the SQL lab <span aria-hidden="true">→</span>
        </span>
        <span className="text-xs text-muted [html.presenter_&]:hidden">Any SQL on both sides, the difference shown.</span>
      </Link>
      <Link prefetch={false} href="/kafka" className={card} data-testid="what-next-explorer">
        <span className="text-sm font-semibold">
          Look inside Kafka with the explorer <span aria-hidden="true">→</span>
        </span>
        <span className="text-xs text-muted [html.presenter_&]:hidden">Topics, live messages, the connector&apos;s lag.</span>
      </Link>
      <div className="rounded-lg border border-dashed border-line-strong px-3 py-1.5">
        <p className="text-sm font-semibold">Point FOMO at your own Kafka</p>
        <code className="block font-mono text-xs break-all text-muted [html.presenter_&]:hidden">
          KAFKA_BROKERS=host:9092 MYSQL_URL=mysql://user@host:3306/db npm run demo
        </code>
      </div>
    </section>
  );
}
