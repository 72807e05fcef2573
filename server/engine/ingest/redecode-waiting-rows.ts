import type { ValueDecoder } from "../../decoding/value-decoder";
import { ingestBatchOf } from "../store/topic-table";
import { decodeFramedRecords } from "./framed-records";
import type { TopicState } from "./topic-state";

/** Rows re-decoded per schema id and pass: bounded, so one pass never holds up ingest for long. */
const ROWS_PER_PASS = 10_000;

/**
 * Gives the rows that wait for the registry (unknown schema id, registry down) another chance: per
 * schema id, one waiting record is decoded again; when its outcome changed (the schema is known now,
 * or the reason changed), up to ROWS_PER_PASS rows of that id are decoded and replace their old rows
 * in one commit (store/topic-table.ts `append` with `replacing`). A row is never dropped or guessed
 * at while it waits: it stays a corrupt row flagged in `_decode_error`, with its bytes kept aside.
 * Returns how many rows were replaced.
 */
export async function redecodeWaitingRows(state: TopicState, decoder: ValueDecoder): Promise<number> {
  const { table } = state;
  let replaced = 0;
  for (const sample of await table.undecoded.samples()) {
    const probe = ingestBatchOf();
    await decodeFramedRecords([sample], decoder, probe);
    if (probe.undecoded[0]?.reason === sample.reason) continue; // the registry still cannot answer for this id
    const waiting = await table.undecoded.take(sample.schemaId, sample.reason, ROWS_PER_PASS);
    if (waiting.length === 0) continue;
    const batch = ingestBatchOf();
    await decodeFramedRecords(waiting, decoder, batch);
    // A value that failed was a corrupt row before; count the change.
    const wasCorrupt = waiting.filter((record) => !record.reason.startsWith("key:")).length;
    const outcome = await table.append(batch, waiting);
    state.corruptMessages += outcome.corrupt - wasCorrupt;
    state.overflowMessages += outcome.overflow;
    replaced += waiting.length;
  }
  return replaced;
}
