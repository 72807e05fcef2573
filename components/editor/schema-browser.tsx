"use client";

import { useState } from "react";
import type { Catalog } from "@/lib/api/catalog";
import { formatNumber } from "@/lib/client/format";

interface SchemaBrowserProps {
  catalog: Catalog | undefined;
  schema: string | null;
  loading: boolean;
  error: string | undefined;
  onPreviewTable: (table: string) => void;
  id: string;
}

/** Tables of the selected schema with their columns; a table can be previewed in one click. */
export function SchemaBrowser({ catalog, schema, loading, error, onPreviewTable, id }: SchemaBrowserProps) {
  const [open, setOpen] = useState<string | null>(null);
  const selected = catalog?.schemas.find((s) => s.name === schema) ?? catalog?.schemas[0];
  return (
    <div
      id={id}
      className="max-h-64 overflow-auto border-b border-line bg-surface-2/60 px-3 py-2 text-sm"
      role="region"
      aria-label="Schema browser"
    >
      {error && <p className="text-bad">Could not load the catalog: {error}</p>}
      {!selected && !error && <p className="text-muted">{loading ? "Loading tables…" : "No tables."}</p>}
      {selected && (
        <ul className="space-y-0.5">
          {selected.tables.map((table) => (
            <li key={table.name}>
              <div className="flex items-center gap-2">
                <button
                  type="button"
                  className="flex flex-1 items-center gap-2 rounded px-1 py-1 text-left hover:bg-surface"
                  aria-expanded={open === table.name}
                  onClick={() => setOpen(open === table.name ? null : table.name)}
                >
                  <span aria-hidden="true" className="w-3 text-faint">
                    {open === table.name ? "▾" : "▸"}
                  </span>
                  <span className="font-mono font-medium">{table.name}</span>
                  {table.rowCount != null && <span className="text-xs text-faint tabular">{formatNumber(table.rowCount)} rows</span>}
                </button>
                <button
                  type="button"
                  className="rounded px-2 py-0.5 text-xs text-muted hover:bg-surface hover:text-fg"
                  onClick={() => onPreviewTable(table.name)}
                  aria-label={`Preview table ${table.name}`}
                >
                  Preview
                </button>
              </div>
              {open === table.name && (
                <ul className="mb-1 ml-6 border-l border-line pl-3">
                  {table.columns.map((column) => (
                    <li key={column.name} className="flex justify-between gap-3 py-0.5 font-mono text-xs">
                      <span>{column.name}</span>
                      <span className="text-faint">
                        {column.type}
                        {column.misfits ? (
                          <span
                            className="ml-2 text-warn"
                            title={`${formatNumber(column.misfits)} values did not fit ${column.type}: NULL here, kept in _misfits`}
                          >
                            {formatNumber(column.misfits)} misfit{column.misfits === 1 ? "" : "s"}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
