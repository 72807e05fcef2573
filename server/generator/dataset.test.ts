import { describe, expect, it } from "vitest";
import { purchaseAt, requestAt, USER_AGENTS, starCustomerOf } from "../dataset/dataset";
import { isValidEan8, ean8CheckDigit } from "../dataset/ean8";
import { messageAt, TOPICS } from "../dataset/topics";
import { BIG_SPENDER_DEVICE } from "../dataset/user-agents";

const DEFAULT_SEED = 1277;
const BACKLOG = 10_000;
const ONE_HOUR_OF_TRICKLE = 3_600 * 4;

function totalsByCustomer(seed: number, count: number): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const purchase = purchaseAt(seed, i);
    totals.set(purchase.customerId, (totals.get(purchase.customerId) ?? 0) + purchase.amount);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

describe("the FOMO dataset", () => {
  it("has exactly the five user agents of the seed, byte for byte", () => {
    expect(USER_AGENTS).toEqual([
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (iPhone17,5; CPU iPhone OS 18_3_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 FireKeepers/1.7.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0",
      "Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36>",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3.1 Safari/605.1.15",
    ]);
  });

  it("keeps every purchase within the seed's ranges with valid EAN-8 item codes", () => {
    const customers = new Set<string>();
    const violations: string[] = [];
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 20_000; i++) {
      const purchase = purchaseAt(DEFAULT_SEED, i);
      const fields = Object.keys(purchase).sort().join(",");
      if (fields !== "amount,customerId,itemCode") violations.push(`${i}: fields ${fields}`);
      if (!/^CU-1\d{3}$/.test(purchase.customerId)) violations.push(`${i}: customerId ${purchase.customerId}`);
      if (typeof purchase.amount !== "number" || purchase.amount < 10 || purchase.amount > 100)
        violations.push(`${i}: amount ${purchase.amount}`);
      if (!isValidEan8(purchase.itemCode)) violations.push(`${i}: itemCode ${purchase.itemCode}`);
      customers.add(purchase.customerId);
      min = Math.min(min, purchase.amount);
      max = Math.max(max, purchase.amount);
    }
    expect(violations).toEqual([]);
    // Uniform over [10, 100]: both ends are reached and (almost) every customer buys.
    expect(min).toBeLessThan(10.1);
    expect(max).toBeGreaterThan(99.9);
    expect(customers.size).toBeGreaterThan(990);
  });

  it("computes EAN-8 check digits like the standard (e.g. 9638507-4, 5512345-7)", () => {
    expect(ean8CheckDigit("9638507")).toBe(4);
    expect(isValidEan8("96385074")).toBe(true);
    expect(isValidEan8("96385075")).toBe(false);
    expect(ean8CheckDigit("5512345")).toBe(7);
  });

  it("keeps every request within the seed's customers and five agents", () => {
    const violations: string[] = [];
    const agentsSeen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const request = requestAt(DEFAULT_SEED, i);
      const fields = Object.keys(request).sort().join(",");
      if (fields !== "customerId,userAgent") violations.push(`${i}: fields ${fields}`);
      if (!/^CU-1\d{3}$/.test(request.customerId)) violations.push(`${i}: customerId ${request.customerId}`);
      if (!(USER_AGENTS as readonly string[]).includes(request.userAgent)) violations.push(`${i}: agent ${request.userAgent}`);
      agentsSeen.add(request.userAgent);
    }
    expect(violations).toEqual([]);
    expect(agentsSeen.size).toBe(5);
  });

  it("generates the same events for the same seed and index, and different ones for another seed", () => {
    const first = Array.from({ length: 2_000 }, (_, i) => [purchaseAt(DEFAULT_SEED, i), requestAt(DEFAULT_SEED, i)]);
    const second = Array.from({ length: 2_000 }, (_, i) => [purchaseAt(DEFAULT_SEED, i), requestAt(DEFAULT_SEED, i)]);
    expect(second).toEqual(first);
    // Any single event can be regenerated on its own, out of order.
    expect(purchaseAt(DEFAULT_SEED, 1_234)).toEqual(first[1_234]![0]);
    const other = Array.from({ length: 2_000 }, (_, i) => purchaseAt(DEFAULT_SEED + 1, i));
    expect(other).not.toEqual(first.map(([purchase]) => purchase));
  });

  it("puts CU-1277 on top under the default seed, at start and after an hour of trickle", () => {
    expect(starCustomerOf(DEFAULT_SEED)).toBe(1277);
    for (const count of [BACKLOG, BACKLOG + ONE_HOUR_OF_TRICKLE]) {
      const ranking = totalsByCustomer(DEFAULT_SEED, count);
      expect(ranking[0]![0]).toBe("CU-1277");
      // With a clear lead, not by a rounding error.
      expect(ranking[0]![1]).toBeGreaterThan(ranking[1]![1] * 1.5);
    }
  });

  it("makes the star customer top spender under other seeds too (the design is robust)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      expect(totalsByCustomer(seed, BACKLOG)[0]![0]).toBe(`CU-${starCustomerOf(seed)}`);
    }
  });

  it("gives each customer a sticky primary device for about 80% of their requests", () => {
    const byCustomer = new Map<string, Map<string, number>>();
    for (let i = 0; i < 100_000; i++) {
      const { customerId, userAgent } = requestAt(DEFAULT_SEED, i);
      const devices = byCustomer.get(customerId) ?? new Map<string, number>();
      devices.set(userAgent, (devices.get(userAgent) ?? 0) + 1);
      byCustomer.set(customerId, devices);
    }
    let primaryRequests = 0;
    let allRequests = 0;
    for (const devices of byCustomer.values()) {
      const counts = [...devices.values()];
      primaryRequests += Math.max(...counts);
      allRequests += counts.reduce((a, b) => a + b, 0);
    }
    expect(primaryRequests / allRequests).toBeGreaterThan(0.75);
    expect(primaryRequests / allRequests).toBeLessThan(0.86);
    const star = [...byCustomer.get("CU-1277")!].sort((a, b) => b[1] - a[1]);
    expect(star[0]![0]).toBe(USER_AGENTS[BIG_SPENDER_DEVICE]);
  });

  it("makes the users of one device buy markedly more often", () => {
    const primaryOf = new Map<string, string>();
    const requestCounts = new Map<string, Map<string, number>>();
    for (let i = 0; i < 100_000; i++) {
      const { customerId, userAgent } = requestAt(DEFAULT_SEED, i);
      const counts = requestCounts.get(customerId) ?? new Map<string, number>();
      counts.set(userAgent, (counts.get(userAgent) ?? 0) + 1);
      requestCounts.set(customerId, counts);
    }
    for (const [customerId, counts] of requestCounts) primaryOf.set(customerId, [...counts].sort((a, b) => b[1] - a[1])[0]![0]);
    const purchasesPerDevice = new Map<string, number>();
    const customersPerDevice = new Map<string, number>();
    for (const device of primaryOf.values()) customersPerDevice.set(device, (customersPerDevice.get(device) ?? 0) + 1);
    for (let i = 0; i < 50_000; i++) {
      const device = primaryOf.get(purchaseAt(DEFAULT_SEED, i).customerId)!;
      purchasesPerDevice.set(device, (purchasesPerDevice.get(device) ?? 0) + 1);
    }
    const perCustomer = USER_AGENTS.map((agent) => (purchasesPerDevice.get(agent) ?? 0) / (customersPerDevice.get(agent) ?? 1));
    const bigSpenders = perCustomer[BIG_SPENDER_DEVICE]!;
    for (const [device, rate] of perCustomer.entries()) {
      if (device !== BIG_SPENDER_DEVICE) expect(bigSpenders).toBeGreaterThan(rate * 2);
    }
  });

  it("serialises values exactly as JSON.stringify and keys them by customerId", () => {
    for (let i = 0; i < 2_000; i++) {
      const purchase = messageAt("purchases", DEFAULT_SEED, i);
      expect(purchase.value).toBe(JSON.stringify(purchaseAt(DEFAULT_SEED, i)));
      expect(purchase.key).toBe(purchaseAt(DEFAULT_SEED, i).customerId);
      const request = messageAt("requestlog", DEFAULT_SEED, i);
      expect(request.value).toBe(JSON.stringify(requestAt(DEFAULT_SEED, i)));
      expect(JSON.parse(request.value)).toEqual(requestAt(DEFAULT_SEED, i));
    }
    expect(TOPICS.purchases.partitions).toBe(3);
  });
});
