import type { Connection } from "../kafka/platformatic-client";
import { createAPI, produceV9, Writer } from "../kafka/platformatic-protocol";

type ProduceResponse = produceV9.ProduceResponse;

/**
 * A Produce (v9) request carrying record batches we encoded ourselves (see record-batch.ts), sent
 * over a @platformatic/kafka connection, which does the framing, correlation and response parsing
 * (partition errors become exceptions). @platformatic/kafka, not the product's kafkajs, for speed:
 * 901,415 purchases/s (bench/results/2026-11-24T05-59-52Z-10000000.md) where kafkajs topped out at
 * ~40-50k msg/s (README.md, "Bulk mode").
 */
function createRequest(acks: number, timeoutMs: number, topic: string, batches: Array<[partition: number, batch: Buffer]>): Writer {
  return Writer.create()
    .appendString(null)
    .appendInt16(acks)
    .appendInt32(timeoutMs)
    .appendArray([topic], (topicWriter, name) => {
      topicWriter.appendString(name).appendArray(batches, (partitionWriter, [partition, batch]) => {
        partitionWriter
          .appendInt32(partition)
          .appendUnsignedVarInt(batch.length + 1)
          .append(batch);
      });
    })
    .appendTaggedFields();
}

const produceBatchesApi = createAPI<[acks: number, timeoutMs: number, topic: string, batches: Array<[number, Buffer]>], ProduceResponse>(
  0,
  9,
  createRequest,
  produceV9.parseResponse,
);

export async function produceRecordBatches(
  connection: Connection,
  topic: string,
  batches: Array<[number, Buffer]>,
  acks = 1,
): Promise<ProduceResponse> {
  return produceBatchesApi.async(connection, acks, 30_000, topic, batches);
}
