"use client";

import type { Cell, Database, QueryResult } from "@/lib/api/query";
import { ResultChart } from "./result-chart";
import { ResultTable } from "./result-table";

interface ResultViewProps {
  result: QueryResult;
  database: Database;
  label: string;
  maxHeight: number;
  chart?: boolean;
  isCellActionable?: (columnName: string, value: Cell) => boolean;
  onCellAction?: (columnName: string, value: Cell) => void;
}

/** Table and, unless the caller turns it off, the automatic chart when the result is grouped. */
export function ResultView({ result, database, label, maxHeight, chart = true, isCellActionable, onCellAction }: ResultViewProps) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <ResultTable result={result} label={label} maxHeight={maxHeight} isCellActionable={isCellActionable} onCellAction={onCellAction} />
      {chart && <ResultChart result={result} database={database} />}
    </div>
  );
}
