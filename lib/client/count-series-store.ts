"use client";

import { create } from "zustand";

export interface CountSample {
  at: number;
  warehouse: number | null;
  kafka: number | null;
}

const MAX_SAMPLES = 200;

interface CountSeriesStore {
  samples: CountSample[];
  add: (sample: CountSample) => void;
}

/** Warehouse rows and Kafka messages over time; kept while the tab is open so the line survives navigation. */
export const useCountSeries = create<CountSeriesStore>()((set) => ({
  samples: [],
  add: (sample) => set((s) => ({ samples: [...s.samples, sample].slice(-MAX_SAMPLES) })),
}));
