import type { ServiceStatus, StackStatus } from "../../../lib/api/status";
import type { ChildServiceHost } from "../children/child-service-host";
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
  readonly children = new Map<ChildServiceName, ChildServiceHost>();
  web: (() => Promise<ServiceStatus>) | undefined;
  /** Set while a phase runs, so a status page shows what the stack is waiting for. */
  startingDetail: Partial<Record<ServiceName, string>> = {};

  private starting(name: ServiceName): ServiceStatus {
    return { name, healthy: false, detail: this.startingDetail[name] ?? "starting" };
  }

  private async one(name: ServiceName): Promise<ServiceStatus> {
    if (name === "kafka") return this.kafka ? this.kafka.probe() : this.starting(name);
    if (name === "warehouse") return this.warehouse ? this.warehouse.probe() : this.starting(name);
    if (name === "web") return this.web ? this.web() : this.starting(name);
    const child = this.children.get(name);
    return child ? child.status() : this.starting(name);
  }

  async collect(): Promise<StackStatus> {
    return { services: await Promise.all(SERVICE_NAMES.map((name) => this.one(name))) };
  }
}
