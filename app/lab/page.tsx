import type { Metadata } from "next";
import { ClientBoot } from "@/components/layout/client-boot";
import { LabWorkspace } from "@/components/lab/lab-workspace";
import { parseLabLink } from "@/lib/lab/lab-link";

export const metadata: Metadata = { title: "SQL lab — FOMO" };

export default async function LabPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const link = parseLabLink(await searchParams);
  return (
    <>
      <ClientBoot />
      <LabWorkspace link={link} />
    </>
  );
}
