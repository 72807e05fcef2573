import type { Metadata } from "next";
import { ClientBoot } from "@/components/layout/client-boot";
import { LabWorkspace } from "@/components/lab/lab-workspace";

export const metadata: Metadata = { title: "SQL lab — FOMO" };

export default function LabPage() {
  return (
    <>
      <ClientBoot />
      <LabWorkspace />
    </>
  );
}
