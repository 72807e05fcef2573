import type { Database } from "@/lib/api/query";

/** How each side is named and coloured everywhere in the UI. */
export const DATABASE_META: Record<
  Database,
  { name: string; engine: string; tone: "warehouse" | "kafka"; text: string; bg: string; soft: string; border: string }
> = {
  warehouse: {
    name: "Warehouse",
    engine: "MySQL",
    tone: "warehouse",
    text: "text-wh",
    bg: "bg-wh",
    soft: "bg-wh-soft",
    border: "border-wh",
  },
  kafka: { name: "Kafka", engine: "live", tone: "kafka", text: "text-kf", bg: "bg-kf", soft: "bg-kf-soft", border: "border-kf" },
};
