import { ResponseError, createAPI, fetchV17, type Reader } from "./platformatic-protocol";
import type { Connection } from "./platformatic-client";

/**
 * Fetch (API key 1, v17) whose response keeps each partition's record batches as ONE raw Buffer
 * instead of the client's per-record objects: parsing those objects was ~half of ingest CPU.
 * `decodeRecordBatches` (record-batch-decoder.ts) walks the bytes. Request encoding is the client's.
 * Sent through the fetch path (fetch-path.ts), for the engine's ingest and the explorer's reads.
 */
export interface LeanFetchPartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  logStartOffset: bigint;
  /** The partition's RECORDS field (zero or more record batches, the last one maybe cut short). */
  records: Buffer | undefined;
}

export interface LeanFetchResponse {
  responses: { topicId: string; partitions: LeanFetchPartition[] }[];
}

function parseLeanFetchResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): LeanFetchResponse {
  const errors: [string, [number, null]][] = [];
  reader.readInt32(); // throttle_time_ms
  const errorCode = reader.readInt16();
  if (errorCode !== 0) errors.push(["", [errorCode, null]]);
  reader.readInt32(); // session_id
  const responses = reader.readArray((r, i) => ({
    topicId: r.readUUID(),
    partitions: r.readArray((r, j): LeanFetchPartition => {
      const partitionIndex = r.readInt32();
      const partitionError = r.readInt16();
      const highWatermark = r.readInt64();
      r.readInt64(); // last_stable_offset
      const logStartOffset = r.readInt64();
      r.readArray((r) => {
        r.readInt64();
        r.readInt64();
      }); // aborted_transactions (read_uncommitted: not used)
      r.readInt32(); // preferred_read_replica
      if (partitionError !== 0) errors.push([`/responses/${i}/partitions/${j}`, [partitionError, null]]);
      const recordsSize = r.readUnsignedVarInt() - 1; // COMPACT_RECORDS: length + 1
      let records: Buffer | undefined;
      if (recordsSize > 0) {
        records = r.buffer.slice(r.position, r.position + recordsSize);
        r.skip(recordsSize);
      }
      return { partitionIndex, errorCode: partitionError, highWatermark, logStartOffset, records };
    }),
  }));
  const response = { responses };
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

const leanFetchApi = createAPI<Parameters<typeof fetchV17.createRequest>, LeanFetchResponse>(
  1,
  17,
  fetchV17.createRequest,
  parseLeanFetchResponse,
);

/** One topic (by ID) of a Fetch request: its partitions and their fetch offsets. */
export type FetchRequestTopic = fetchV17.FetchRequestTopic;

export interface LeanFetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: FetchRequestTopic[];
}

export function leanFetch(connection: Connection, request: LeanFetchRequest): Promise<LeanFetchResponse> {
  // isolation READ_UNCOMMITTED (0), no fetch session (id 0, epoch 0), no forgotten topics, no rack.
  return leanFetchApi.async(connection, request.maxWaitMs, request.minBytes, request.maxBytes, 0, 0, 0, request.topics, [], "");
}
