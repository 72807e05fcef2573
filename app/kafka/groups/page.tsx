import { PageTitle } from "@/components/explorer/explorer-ui";
import { GroupsOverviewView } from "@/components/explorer/groups-overview";
import { loadConfig } from "@/server/config";
import { getGroupsOverview } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaGroupsPage() {
  const { data, error } = await loadInitial(() => getGroupsOverview());
  return (
    <>
      <PageTitle title="Consumer groups" subtitle="Who reads which topics, and how far behind the newest message each one is." />
      <GroupsOverviewView initial={data} initialError={error} connectorGroup={loadConfig().connector.groupId} />
    </>
  );
}
