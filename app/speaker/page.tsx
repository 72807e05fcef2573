import type { Metadata } from "next";
import { ClientBoot } from "@/components/layout/client-boot";
import { SpeakerView } from "@/components/speaker/speaker-view";

export const metadata: Metadata = { title: "Speaker view — FOMO" };

/** The presenter's own window (P in the story opens it): notes, timer, next step, live status. */
export default function SpeakerPage() {
  return (
    <>
      <ClientBoot />
      <SpeakerView />
    </>
  );
}
