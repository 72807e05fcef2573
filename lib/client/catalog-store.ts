"use client";

import { create } from "zustand";
import type { Catalog } from "@/lib/api/catalog";
import type { Database } from "@/lib/api/query";
import { fetchCatalog, type ClientError } from "./api-client";

interface CatalogEntry {
  catalog?: Catalog;
  error?: ClientError;
  loading: boolean;
  loadedAt?: number;
}

interface CatalogStore {
  entries: Partial<Record<Database, CatalogEntry>>;
  load: (database: Database, options?: { force?: boolean }) => Promise<void>;
}

const FRESH_FOR_MS = 15_000;

/** Catalogs of both databases, shared by every pane (schema browser and autocomplete). */
export const useCatalogs = create<CatalogStore>()((set, get) => ({
  entries: {},
  load: async (database, options) => {
    const current = get().entries[database];
    if (current?.loading) return;
    if (!options?.force && current?.loadedAt && Date.now() - current.loadedAt < FRESH_FOR_MS) return;
    set((s) => ({ entries: { ...s.entries, [database]: { ...current, loading: true } } }));
    const outcome = await fetchCatalog(database);
    set((s) => ({
      entries: {
        ...s.entries,
        [database]: outcome.ok
          ? { catalog: outcome.value, loading: false, loadedAt: Date.now() }
          : { catalog: current?.catalog, error: outcome.error, loading: false, loadedAt: Date.now() },
      },
    }));
  },
}));
