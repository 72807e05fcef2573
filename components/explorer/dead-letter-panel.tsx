import Link from "next/link";
import type { DeadLetterSummary } from "@/lib/api/explorer";
import { Panel, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatCount, formatTime, topicHref } from "./format";

/** The dead-letter topic with why messages landed there (from the `fomo.dlq.reason` header). */
export function DeadLetterPanel({ summary }: { summary: DeadLetterSummary }) {
  return (
    <Panel title="Dead letters" labelledBy="dead-letters-title">
      {!summary.exists ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The dead-letter topic <code className="font-mono">{summary.topic}</code> does not exist yet: the connector has not rejected any
          message.
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href={topicHref(summary.topic)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {summary.topic}
            </Link>{" "}
            holds <span data-testid="dlq-messages">{formatCount(summary.messages)}</span> messages the connector could not load. Reasons of
            the newest {formatCount(summary.sampled)}:
          </p>
          {summary.reasons.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No dead letters.</p>
          ) : (
            <table className={tableClass} aria-label="Dead-letter reasons">
              <thead>
                <tr>
                  <th className={thClass} scope="col">
                    Reason
                  </th>
                  <th className={`${thClass} text-right`} scope="col">
                    Messages
                  </th>
                  <th className={thClass} scope="col">
                    Latest
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.reasons.map((reason) => (
                  <tr key={reason.reason}>
                    <td className={`${tdClass} font-mono text-xs`}>{reason.reason}</td>
                    <td className={`${tdClass} text-right tabular-nums`}>{formatCount(reason.count)}</td>
                    <td className={`${tdClass} whitespace-nowrap text-xs`}>{reason.lastAt ? formatTime(reason.lastAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Panel>
  );
}
