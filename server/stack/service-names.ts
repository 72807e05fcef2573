/** Every service of the stack, in the order `/status` lists them (the team contract). */
export const SERVICE_NAMES = ["kafka", "warehouse", "schema-registry", "generator", "connector", "engine", "web"] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The services the supervisor forks as Node children (they implement `ChildService`). */
export const CHILD_SERVICE_NAMES = ["schema-registry", "generator", "connector", "engine"] as const;
export type ChildServiceName = (typeof CHILD_SERVICE_NAMES)[number];
