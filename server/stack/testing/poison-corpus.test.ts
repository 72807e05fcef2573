import { describe, expect, it } from "vitest";
import { decodePurchase } from "../../connector/purchase-record";
import { POISON_CLASSES } from "./poison-classes";
import { poisonCorpus } from "./poison-corpus";

describe("the poison corpus", () => {
  const corpus = poisonCorpus({ seed: 1277, size: 1_000, hugeValueBytes: 1_000_000 });

  it("is the same bytes for the same seed, and has exactly the size asked for", () => {
    const again = poisonCorpus({ seed: 1277, size: 1_000, hugeValueBytes: 1_000_000 });
    expect(corpus).toHaveLength(1_000);
    expect(again.map((message) => message.value?.toString("base64"))).toEqual(corpus.map((message) => message.value?.toString("base64")));
    expect(poisonCorpus({ seed: 7, size: 1_000, hugeValueBytes: 1_000_000 })[0]?.value).not.toEqual(corpus[0]?.value);
  });

  it("holds every class, five values of about 1 MB, and a short corpus still one of each", () => {
    expect(new Set(corpus.map((message) => message.kind))).toEqual(new Set(POISON_CLASSES.map((poisonClass) => poisonClass.kind)));
    expect(corpus.filter((message) => (message.value?.length ?? 0) >= 900_000)).toHaveLength(5);
    expect(new Set(poisonCorpus({ seed: 1, size: 100, hugeValueBytes: 1_000 }).map((message) => message.kind)).size).toBe(
      POISON_CLASSES.length,
    );
  });

  it("names only customers the generator never writes (CU-9xxx), so CU-1277 stays on top", () => {
    for (const message of corpus.filter((candidate) => candidate.purchase)) expect(message.purchase!.customerId).toMatch(/^CU-9\d{3}$/);
    const perCustomer = new Map<string, number>();
    for (const message of corpus)
      if (message.purchase)
        perCustomer.set(message.purchase.customerId, (perCustomer.get(message.purchase.customerId) ?? 0) + message.purchase.amount);
    expect(Math.max(...perCustomer.values())).toBeLessThan(100);
  });

  it("says of each message what the connector's decoder does with it: dead letter, or the purchase it loads", async () => {
    const decodedCorpus = await Promise.all(corpus.map(async (message) => ({ message, decoded: await decodePurchase(message.value) })));
    const disagreements = decodedCorpus
      .filter(({ message, decoded }) =>
        decoded.ok
          ? message.deadLetter ||
            decoded.value.customerId !== message.purchase?.customerId ||
            Math.abs(decoded.value.amount - message.purchase.amount) > 1e-9
          : !message.deadLetter,
      )
      .map(({ message, decoded }) => `${message.kind}: ${decoded.ok ? "loads" : decoded.reason}`);
    expect(disagreements).toEqual([]);
  });
});
