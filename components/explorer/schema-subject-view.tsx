import type { SubjectDetail } from "@/lib/api/schema-registry";
import { Badge, ErrorNote, Panel, Stat } from "./explorer-ui";
import { formatCount, formatTime } from "./format";

/** One subject: its compatibility level and every version's schema text, newest first (server-rendered). */
export function SchemaSubjectView({ detail, error }: { detail: SubjectDetail | null; error: string | null }) {
  if (!detail) {
    return (
      <div data-testid="schema-registry-error">
        <ErrorNote message={error ?? "The Schema Registry did not answer."} />
      </div>
    );
  }
  const latest = detail.versions[0];
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat
          label="Compatibility"
          testId="subject-compatibility"
          value={
            <>
              {detail.compatibility.level}{" "}
              <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                ({detail.compatibility.source === "subject" ? "set on this subject" : "global default"})
              </span>
            </>
          }
        />
        <Stat label="Latest version" value={latest ? `v${latest.version} · id ${latest.schemaId}` : "none"} />
        <Stat label="Versions" value={formatCount(detail.totalVersions)} />
      </div>
      <Panel title="Versions">
        {detail.totalVersions > detail.versions.length ? (
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Showing the newest {formatCount(detail.versions.length)} of {formatCount(detail.totalVersions)} versions.
          </p>
        ) : null}
        <ol className="space-y-2" aria-label="Schema versions, newest first">
          {detail.versions.map((version, index) => (
            <li key={version.version} data-testid={`schema-version-${version.version}`}>
              <details open={index === 0} className="rounded-lg border border-slate-200 dark:border-slate-800">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm font-medium">
                  Version {version.version}
                  <Badge tone="indigo">id {version.schemaId}</Badge>
                  <Badge>{version.schemaType}</Badge>
                  {index === 0 ? <Badge tone="green">latest</Badge> : null}
                </summary>
                {/* Scrollable, so keyboard users must be able to reach it (axe: scrollable-region-focusable). */}
                <pre
                  tabIndex={0}
                  aria-label={`Schema text of version ${version.version}`}
                  className="max-h-[32rem] overflow-auto border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-200"
                >
                  {version.schema}
                </pre>
              </details>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Read at {formatTime(detail.sampledAt)}.</p>
      </Panel>
    </>
  );
}
