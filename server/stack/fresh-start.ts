import fs from "node:fs";
import path from "node:path";
import { kafkaPaths } from "./kafka/kafka-paths";
import { warehousePaths } from "./warehouse/warehouse-paths";

/**
 * `--fresh`: deletes the broker's data, the warehouse's data and the logs of this stack dir. The
 * downloaded Kafka jars stay (they only depend on the pom), and so does the web build.
 */
export function wipeLocalData(stackDir: string): string[] {
  const targets = [kafkaPaths(stackDir).data, warehousePaths(stackDir).home, warehousePaths(stackDir).socket, path.join(stackDir, "logs")];
  const removed = targets.filter((target) => fs.existsSync(target));
  for (const target of targets) fs.rmSync(target, { recursive: true, force: true });
  return removed;
}
