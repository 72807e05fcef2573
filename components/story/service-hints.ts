/** What a newcomer should do when a service is down (or, for the connector, failing), by service name. */
export const SERVICE_HINTS: Record<string, { role: string; fix: string; failing?: string }> = {
  kafka: {
    role: "Apache Kafka broker (KRaft)",
    fix: "Stop the demo with Ctrl+C and run `npm run demo` again. Details in `.stack/logs/kafka.log`; if the port is taken, set KAFKA_PORT.",
  },
  warehouse: {
    role: "MySQL-compatible warehouse",
    fix: "Restart `npm run demo`; see `.stack/logs/warehouse.log`. If the port is taken, set WAREHOUSE_PORT.",
  },
  "schema-registry": {
    role: "Schema Registry (Avro, Protobuf, JSON Schema)",
    fix: "JSON data is unaffected. The demo restarts a crashed registry by itself; it keeps its schemas in Kafka. If it stays down, see `.stack/logs/schema-registry.log`, or check SCHEMA_REGISTRY_URL and its credentials.",
  },
  generator: {
    role: "Produces purchases and requests",
    fix: "Kafka stops growing but every query still works. The demo restarts a crashed generator by itself within seconds; if it stays down, see `.stack/logs/generator.log`.",
  },
  connector: {
    role: "Kafka → warehouse sink",
    fix: "If you stopped it in step 5, start it again there. A crashed connector is restarted by the demo within seconds and resumes from the offsets stored in the warehouse: no row lost or loaded twice. If it stays down, see `.stack/logs/connector.log`.",
    failing:
      "The connector keeps the rows it could not load and retries with backoff: nothing is lost or loaded twice. Fix the cause shown (the warehouse's grants, disk or table), and loading resumes by itself; details in `.stack/logs/connector.log`.",
  },
  engine: {
    role: "Kafka SQL engine",
    fix: "Kafka-side queries fail until it is back. The demo restarts a crashed engine by itself and it re-reads the topics; if it stays down, see `.stack/logs/engine.log`.",
  },
  web: { role: "This web app", fix: "If you can read this, it is up." },
};
