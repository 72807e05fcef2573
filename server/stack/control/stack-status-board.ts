import type { ServiceStatus, StackStatus } from "../../../lib/api/status";
import type { ChildServiceHost } from "../children/child-service-host";
import type { InfraInstance, RestartingInfraService } from "../infra/restarting-infra-service";
import { SERVICE_NAMES, type ChildServiceName, type ServiceName } from "../service-names";
import type { KafkaStatusProbe } from "./kafka-status-probe";
import type { WarehouseStatusProbe } from "./warehouse-status-probe";

/**
 * Everything `/status` reports, filled in by the supervisor as services come up. A service with
 * nothing registered yet is "starting"; the order is the contract's.
 */
export class StackStatusBoard {
  kafka: KafkaStatusProbe | undefined;
  warehouse: WarehouseStatusProbe | undefined;
  /** The broker and warehouse server the stack runs itself (none for KAFKA_BROKERS / MYSQL_URL). */
  readonly infra: Partial<Record<"kafka" | "warehouse", RestartingInfraService<InfraInstance>>> = {};
  readonly children = new Map<ChildServiceName, ChildServiceHost>();
  web: (() => Promise<ServiceStatus>) | undefined;
  /** Set when SCHEMA_REGISTRY_URL names a registry the stack does not run (then no child reports it). */
  externalSchemaRegistry: (() => Promise<ServiceStatus>) | undefined;
  /** Set while a phase runs, so a status page shows what the stack is waiting for. */
  startingDetail: Partial<Record<ServiceName, string>> = {};

  private starting(name: ServiceName): ServiceStatus {
    return { name, healthy: false, detail: this.startingDetail[name] ?? "starting" };
  }

  private async one(name: ServiceName): Promise<ServiceStatus> {
    if (name === "kafka" || name === "warehouse") {
      const probe = name === "kafka" ? this.kafka : this.warehouse;
      if (!probe) return this.starting(name);
      const lifecycle = this.infra[name];
      return lifecycle ? lifecycle.status(() => probe.probe()) : probe.probe();
    }
    if (name === "web") return this.web ? this.web() : this.starting(name);
    if (name === "schema-registry" && this.externalSchemaRegistry) return this.externalSchemaRegistry();
    const child = this.children.get(name);
    return child ? child.status() : this.starting(name);
  }

  async collect(): Promise<StackStatus> {
    return { services: await Promise.all(SERVICE_NAMES.map((name) => this.one(name))) };
  }
}
