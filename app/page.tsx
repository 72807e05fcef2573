import { ClientBoot } from "@/components/layout/client-boot";
import { HomeHero } from "@/components/story/home-hero";
import { ServiceStatusPanel } from "@/components/status/service-status-panel";

/** `/`: leads into the story; the live service status stays on the same page. */
export default function HomePage() {
  return (
    <>
      <ClientBoot />
      <HomeHero />
      <main className="mx-auto max-w-[1840px] px-4 pb-12 xl:px-6">
        <ServiceStatusPanel title="Live services" />
      </main>
    </>
  );
}
