export { createKafkaSqlEngine, type KafkaSqlEngine } from "./kafka-sql-engine";
export { startEngineHttpServer, type EngineHttpServer } from "./http/engine-http-server";
export { engineOptionsFromConfig, type KafkaSqlEngineOptions } from "./engine-options";
export { engineHealthSchema, type EngineHealth } from "./engine-health";
export { SHOW_TABLES_COLUMN } from "./catalog/catalog-results";
