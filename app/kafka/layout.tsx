import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ExplorerHeader } from "@/components/explorer/explorer-header";

export const metadata: Metadata = { title: "Kafka explorer — FOMO" };

export default function KafkaExplorerLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-bg">
      <ExplorerHeader />
      <main className="mx-auto max-w-[1800px] space-y-6 px-6 py-6">{children}</main>
    </div>
  );
}
