import Link from "next/link";
import { buttonClass, PageTitle } from "@/components/explorer/explorer-ui";
import { sqlWorkspaceHref } from "@/components/explorer/format";
import { LiveTailPanel } from "@/components/explorer/live-tail-panel";
import { SearchPanel } from "@/components/explorer/search-panel";
import { TopicDetailView } from "@/components/explorer/topic-detail-view";
import { getTopicDetail } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaTopicPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const { data, error } = await loadInitial(() => getTopicDetail(name));
  return (
    <>
      <PageTitle
        title={
          <>
            <Link href="/kafka" className="text-slate-500 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-slate-400">
              Topics
            </Link>
            <span className="text-slate-400"> / </span>
            <span>{name}</span>
          </>
        }
        subtitle="Offsets per partition, a live tail of new messages, and a bounded search."
        actions={
          <Link href={sqlWorkspaceHref(name)} className={buttonClass}>
            Open in SQL workspace
          </Link>
        }
      />
      <TopicDetailView name={name} initial={data} initialError={error} />
      {data && data.internal ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {name} is an internal topic of the broker: its offsets and sizes are shown, its messages are not tailed or searched.
        </p>
      ) : null}
      {data && !data.internal ? (
        <div className="grid gap-6 2xl:grid-cols-2">
          <LiveTailPanel topic={name} />
          <SearchPanel topic={name} partitions={data.partitions.length} />
        </div>
      ) : null}
    </>
  );
}
