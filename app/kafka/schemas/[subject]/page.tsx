import Link from "next/link";
import { PageTitle } from "@/components/explorer/explorer-ui";
import { SchemaSubjectView } from "@/components/explorer/schema-subject-view";
import { getSubjectDetail } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaSchemaSubjectPage({ params }: { params: Promise<{ subject: string }> }) {
  const { subject } = await params;
  const { data, error } = await loadInitial(() => getSubjectDetail(subject));
  return (
    <>
      <PageTitle
        title={
          <>
            <Link
              href="/kafka/schemas"
              className="text-slate-600 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-slate-400"
            >
              Schemas
            </Link>
            <span className="text-slate-600 dark:text-slate-400"> / </span>
            <span>{subject}</span>
          </>
        }
        subtitle="Every version of this subject's schema, newest first, and the compatibility rule new versions must follow."
      />
      <SchemaSubjectView detail={data} error={error} />
    </>
  );
}
