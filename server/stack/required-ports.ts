import type { FomoConfig } from "../config";
import type { RequiredPort } from "./process/port-check";

/** The ports this run will listen on, each with the variable that moves it. */
export function requiredPorts(config: FomoConfig): RequiredPort[] {
  const ports: RequiredPort[] = [];
  if (!config.kafka.externalBrokers) {
    ports.push({ port: config.kafka.port, service: "Kafka broker", variable: "KAFKA_PORT" });
    ports.push({ port: config.kafka.controllerPort, service: "Kafka controller", variable: "KAFKA_CONTROLLER_PORT" });
  }
  if (!config.warehouse.externalAdminUrl) {
    ports.push({ port: config.warehouse.port, service: "warehouse server", variable: "WAREHOUSE_PORT" });
  }
  ports.push({ port: config.control.port, service: "supervisor control API", variable: "CONTROL_PORT" });
  ports.push({ port: config.engine.port, service: "Kafka SQL engine", variable: "ENGINE_PORT" });
  if (!config.schemaRegistry.external) {
    ports.push({ port: config.schemaRegistry.port, service: "schema registry", variable: "SCHEMA_REGISTRY_PORT" });
  }
  if (config.web.enabled) ports.push({ port: config.web.port, service: "web app", variable: "PORT" });
  return ports;
}
