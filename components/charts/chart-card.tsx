import type { ReactNode } from "react";

interface ChartCardProps {
  title: string;
  subtitle: string;
  sql?: string[];
  error?: string;
  updatedAt?: number | null;
  children: ReactNode;
  testId?: string;
  aside?: ReactNode;
}

/** A titled panel for one live chart, with the SQL behind it one click away. */
export function ChartCard({ title, subtitle, sql = [], error, children, testId, aside }: ChartCardProps) {
  return (
    <section
      className="flex min-w-0 flex-col rounded-2xl border border-line bg-surface p-4 shadow-sm"
      aria-label={title}
      data-testid={testId}
    >
      <header className="mb-2 flex items-start justify-between gap-3">
        <div>
          <h2 className="text-body font-semibold">{title}</h2>
          {/* Presenter mode: the presenter says what the chart shows; the room goes to the chart itself. */}
          <p className="text-xs text-muted [html.presenter_&]:hidden">{subtitle}</p>
        </div>
        {aside}
      </header>
      {error && (
        <p role="alert" className="mb-2 rounded-md bg-bad/10 px-2 py-1 text-xs text-bad">
          {error}
        </p>
      )}
      <div className="min-h-0 flex-1">{children}</div>
      {sql.length > 0 && (
        <details className="mt-2 text-xs text-muted [html.presenter_&]:hidden">
          <summary className="cursor-pointer select-none hover:text-fg">Show the live SQL</summary>
          {sql.map((text) => (
            <pre key={text} className="mt-1.5 overflow-auto rounded-md bg-surface-2 p-2 font-mono text-2xs whitespace-pre-wrap text-fg">
              {text}
            </pre>
          ))}
        </details>
      )}
    </section>
  );
}
