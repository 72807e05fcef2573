/** True for errors Kafka (through either client) marks retriable: a leader moving, a topic just created. */
export function isRetriable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/**
 * Retries a call on errors Kafka marks retriable (a just-created topic whose leader is not known
 * yet, a leader moving), a few times over about two seconds. Anything else (a refused login, a
 * missing topic) is thrown at once.
 */
export async function retryRetriable<T>(work: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
