"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LagSample } from "@/lib/api/explorer";

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-GB", { hour12: false });
}

/** Total lag of a group over the last minutes (the server's ring buffer of samples). */
export function LagChart({ samples }: { samples: LagSample[] }) {
  if (samples.length < 2) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">Collecting samples (one every 2 s while the explorer is open)…</p>;
  }
  return (
    <div className="h-64 w-full" role="img" aria-label={`Lag over time, latest ${samples.at(-1)?.lag ?? 0} messages`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="at" tickFormatter={clock} minTickGap={48} stroke="currentColor" fontSize={12} />
          <YAxis allowDecimals={false} stroke="currentColor" fontSize={12} width={56} />
          <Tooltip labelFormatter={(label) => clock(String(label))} formatter={(value) => [value, "lag (messages)"]} />
          <Line type="linear" dataKey="lag" stroke="#6366f1" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
