import { z } from "zod";
import { FomoError } from "../../lib/errors";
import type { ServiceStatus } from "../../lib/api/status";
import { registryRequest } from "../decoding/registry-client";
import type { BasicCredentials } from "./http/basic-auth";

/**
 * `/status` for a registry the stack does not run (SCHEMA_REGISTRY_URL): healthy when it lists
 * its subjects within 3 s with our credentials.
 */
export async function probeExternalRegistry(url: string, auth: BasicCredentials | undefined): Promise<ServiceStatus> {
  const name = "schema-registry";
  try {
    const subjects = await registryRequest({ url, auth }, { path: "/subjects", defaultTimeoutMs: 3_000 }, z.array(z.string()));
    return {
      name,
      healthy: true,
      detail: `registry at ${url} (SCHEMA_REGISTRY_URL), ${subjects.length} subjects`,
      metrics: { subjects: subjects.length },
    };
  } catch (error) {
    const where = `registry at ${url} (SCHEMA_REGISTRY_URL)`;
    const why = error instanceof Error ? error.message : String(error);
    const unreachable = error instanceof FomoError && error.code === "unavailable:schema_registry";
    return { name, healthy: false, detail: unreachable ? `${where} not reachable: ${why}` : `${where}: ${why}` };
  }
}
