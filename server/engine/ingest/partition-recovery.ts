import type { EngineKafkaClients } from "./kafka-clients";
import type { TopicState } from "./topic-state";

const ERROR_OFFSET_OUT_OF_RANGE = 1;

/** Whether a fetch failed because an offset is outside the log (retention or truncation). */
export function isOffsetOutOfRange(error: unknown): boolean {
  return hasErrorCode(error, ERROR_OFFSET_OUT_OF_RANGE);
}

function hasErrorCode(error: unknown, code: number): boolean {
  const nested = (error as { errors?: unknown[] } | undefined)?.errors;
  if ((error as { apiCode?: number } | undefined)?.apiCode === code) return true;
  return Array.isArray(nested) && nested.some((inner) => hasErrorCode(inner, code));
}

/**
 * A fetch offset outside [logStart, HW]: retention moved past us, or the log was truncated.
 * Reads both ends of every partition, then (inside the caller's write queue, `write`) moves the
 * offsets into the log and drops rows beyond a truncated end.
 */
export async function resetOutOfRangePartitions(
  clients: EngineKafkaClients,
  topics: ReadonlyMap<string, TopicState>,
  write: (work: () => Promise<void>) => Promise<void>,
  applyRetention: (state: TopicState) => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  const names = [...topics.keys()];
  if (names.length === 0) return;
  const [earliest, latest] = await Promise.all([
    clients.offsets.listOffsets({ topics: names, timestamp: -2n }),
    clients.offsets.listOffsets({ topics: names, timestamp: -1n }),
  ]);
  await write(async () => {
    for (const state of topics.values()) {
      for (const partition of state.partitions) {
        if (!partition) continue;
        const start = earliest.get(state.topic)?.[partition.partition];
        const end = latest.get(state.topic)?.[partition.partition];
        if (start === undefined || end === undefined) continue;
        partition.logStartOffset = start;
        partition.highWatermark = end;
        if (partition.nextOffset < start) partition.nextOffset = start;
        partition.fetchOffset = partition.nextOffset;
        if (partition.nextOffset > end) {
          log(`${state.topic}/${partition.partition}: log truncated to ${end}, dropping rows beyond it`);
          await state.table.deleteFrom(partition.partition, end);
          partition.nextOffset = end;
          partition.fetchOffset = end;
        }
      }
      await applyRetention(state);
    }
  });
}
