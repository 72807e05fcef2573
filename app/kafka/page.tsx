import { PageTitle } from "@/components/explorer/explorer-ui";
import { TopicsOverviewView } from "@/components/explorer/topics-overview";
import { getTopicsOverview } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaTopicsPage() {
  const { data, error } = await loadInitial(() => getTopicsOverview(false));
  return (
    <>
      <PageTitle title="Topics" subtitle="Every topic on the broker: how much it holds, how fast it grows, and who reads it." />
      <TopicsOverviewView initial={data} initialError={error} />
    </>
  );
}
