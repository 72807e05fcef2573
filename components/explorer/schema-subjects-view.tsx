import Link from "next/link";
import type { SubjectsOverview } from "@/lib/api/schema-registry";
import { Badge, ErrorNote, Panel, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatCount, formatTime, schemaSubjectHref } from "./format";

/** The Schema Registry's subjects with their latest version, schema id and type (server-rendered: schemas change rarely). */
export function SchemaSubjectsView({ overview, error }: { overview: SubjectsOverview | null; error: string | null }) {
  if (!overview) {
    return (
      <div data-testid="schema-registry-error">
        <ErrorNote message={error ?? "The Schema Registry did not answer."} />
      </div>
    );
  }
  const cut = overview.totalSubjects > overview.subjects.length;
  return (
    <Panel
      title="Subjects"
      actions={
        <span className="text-sm text-slate-600 dark:text-slate-400">
          Global compatibility <Badge tone="indigo">{overview.globalCompatibility}</Badge>
        </span>
      }
    >
      {overview.subjects.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The registry holds no subjects yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass} aria-label="Schema subjects">
            <thead>
              <tr>
                <th className={thClass} scope="col">
                  Subject
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Latest version
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Schema id
                </th>
                <th className={thClass} scope="col">
                  Type
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.subjects.map((subject) => (
                <tr key={subject.subject} data-testid={`subject-row-${subject.subject}`}>
                  <td className={tdClass}>
                    <Link
                      href={schemaSubjectHref(subject.subject)}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {subject.subject}
                    </Link>
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>v{subject.latestVersion}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{subject.schemaId}</td>
                  <td className={tdClass}>
                    <Badge>{subject.schemaType}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        {cut
          ? `Showing the first ${formatCount(overview.subjects.length)} of ${formatCount(overview.totalSubjects)} subjects, by name. `
          : ""}
        Read at {formatTime(overview.sampledAt)}.
      </p>
    </Panel>
  );
}
