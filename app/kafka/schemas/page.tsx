import { PageTitle } from "@/components/explorer/explorer-ui";
import { SchemaSubjectsView } from "@/components/explorer/schema-subjects-view";
import { getSubjectsOverview } from "@/server/explorer/explorer-api";
import { loadInitial } from "@/server/explorer/load-initial";

export const dynamic = "force-dynamic";

export default async function KafkaSchemasPage() {
  const { data, error } = await loadInitial(() => getSubjectsOverview());
  return (
    <>
      <PageTitle
        title="Schemas"
        subtitle="The Schema Registry's subjects: the schemas Avro, Protobuf and JSON Schema messages are written with."
      />
      <SchemaSubjectsView overview={data} error={error} />
    </>
  );
}
