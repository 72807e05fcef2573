import type { ServiceStatus } from "../../lib/api/status";
import { basicAuthHeader, type BasicCredentials } from "./http/basic-auth";

/**
 * `/status` for a registry the stack does not run (SCHEMA_REGISTRY_URL): healthy when it lists
 * its subjects within 3 s with our credentials.
 */
export async function probeExternalRegistry(url: string, auth: BasicCredentials | undefined): Promise<ServiceStatus> {
  const name = "schema-registry";
  try {
    const response = await fetch(`${url}/subjects`, {
      headers: { accept: "application/vnd.schemaregistry.v1+json", ...(auth ? { authorization: basicAuthHeader(auth) } : {}) },
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) return { name, healthy: false, detail: `registry at ${url} (SCHEMA_REGISTRY_URL) answered HTTP ${response.status}` };
    const subjects = (await response.json()) as unknown;
    const count = Array.isArray(subjects) ? subjects.length : 0;
    return { name, healthy: true, detail: `registry at ${url} (SCHEMA_REGISTRY_URL), ${count} subjects`, metrics: { subjects: count } };
  } catch (error) {
    return { name, healthy: false, detail: `registry at ${url} (SCHEMA_REGISTRY_URL) not reachable: ${(error as Error).message}` };
  }
}
