import "server-only";

/**
 * The query layer as the Next app sees it. Routes and server components import from here, so a
 * client component that reaches for it fails the build (server-only) instead of shipping a MySQL
 * pool to the browser. Tests, the bench and plain Node processes import the modules directly.
 */
export { runQuery } from "./run-query";
export { cancelQuery, runCancellable } from "./running-queries";
export { loadCatalog } from "./load-catalog";
export { sharedVisitorQueryRunner } from "./shared-visitor-query-runner";
export { errorResponse, jsonResponse, readJsonBody } from "./api-responses";
