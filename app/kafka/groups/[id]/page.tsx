import Link from "next/link";
import { PageTitle } from "@/components/explorer/explorer-ui";
import { GroupDetailView } from "@/components/explorer/group-detail-view";
import { loadConfig } from "@/server/config";
import { getGroupDetail } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { data, error } = await loadInitial(() => getGroupDetail(id));
  return (
    <>
      <PageTitle
        title={
          <>
            <Link
              href="/kafka/groups"
              className="text-slate-500 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-slate-400"
            >
              Consumer groups
            </Link>
            <span className="text-slate-400"> / </span>
            <span>{id}</span>
          </>
        }
      />
      <GroupDetailView groupId={id} initial={data} initialError={error} isConnector={id === loadConfig().connector.groupId} />
    </>
  );
}
