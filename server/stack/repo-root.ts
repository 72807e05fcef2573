import { fileURLToPath } from "node:url";

/** The project's root directory (this file lives in server/stack/). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
