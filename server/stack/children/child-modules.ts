import path from "node:path";
import { REPO_ROOT } from "../repo-root";
import type { ChildServiceName } from "../service-names";

/** The entry module of a child service: `server/<name>/main.ts`. */
export function childModulePath(name: ChildServiceName): string {
  return path.join(REPO_ROOT, "server", name, "main.ts");
}
