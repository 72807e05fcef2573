import "server-only";
import { toFomoError } from "../../lib/errors";

/**
 * First render of an explorer page: the data, or the error message to show. A broker that is
 * down must give a page that says so (and keeps polling), not a crash.
 */
export async function loadInitial<T>(read: () => Promise<T>): Promise<{ data: T | null; error: string | null }> {
  try {
    return { data: await read(), error: null };
  } catch (error) {
    return { data: null, error: toFomoError(error).message };
  }
}
