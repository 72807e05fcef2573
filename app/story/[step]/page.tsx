import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseStepParam, STORY_STEPS } from "@/lib/story/steps";
import { StoryShell } from "@/components/story/story-shell";
import { ClientBoot } from "@/components/layout/client-boot";

export function generateStaticParams() {
  return STORY_STEPS.map((step) => ({ step: String(step.index) }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const index = parseStepParam((await params).step);
  const step = index === undefined ? undefined : STORY_STEPS[index];
  return { title: step ? `${step.index}. ${step.short} — FOMO` : "FOMO" };
}

export default async function StoryStepPage({ params }: { params: Promise<{ step: string }> }) {
  const index = parseStepParam((await params).step);
  if (index === undefined) notFound();
  return (
    <>
      <ClientBoot />
      <StoryShell stepIndex={index} />
    </>
  );
}
