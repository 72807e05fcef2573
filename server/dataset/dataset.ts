import { pickCustomer, populationOf, FIRST_CUSTOMER, PRIMARY_DEVICE_SHARE } from "./customers";
import { ean8FromNumber } from "./ean8";
import { randomFor } from "./prng";
import { USER_AGENTS, type UserAgent } from "./user-agents";

export { USER_AGENTS, BIG_SPENDER_DEVICE, type UserAgent } from "./user-agents";
export { starCustomerOf } from "./customers";

/** A `purchases` value (DESIGN §3). */
export interface Purchase {
  customerId: string;
  /** Uniform in [10, 100], rounded to cents so Kafka and the DOUBLE(10,3) warehouse column agree. */
  amount: number;
  /** A valid EAN-8 code. */
  itemCode: string;
}

/** A `requestlog` value (DESIGN §3). */
export interface Request {
  customerId: string;
  userAgent: UserAgent;
}

const PURCHASE_STREAM = 1;
const REQUEST_STREAM = 2;

export const AMOUNT_MIN = 10;
export const AMOUNT_MAX = 100;

/** The purchase number `index` of the stream of `seed`: a pure function of its arguments. */
export function purchaseAt(seed: number, index: number): Purchase {
  const population = populationOf(seed);
  const random = randomFor(seed, PURCHASE_STREAM, index);
  const customer = FIRST_CUSTOMER + pickCustomer(population.purchaseCumulative, random());
  // random() < 1, so the rounded value stays within [10, 100].
  const amount = Math.round((AMOUNT_MIN + random() * (AMOUNT_MAX - AMOUNT_MIN)) * 100) / 100;
  const itemCode = ean8FromNumber(random() * 10_000_000);
  return { customerId: `CU-${customer}`, amount, itemCode };
}

/** The request number `index` of the stream of `seed`: a pure function of its arguments. */
export function requestAt(seed: number, index: number): Request {
  const population = populationOf(seed);
  const random = randomFor(seed, REQUEST_STREAM, index);
  const customerOffset = pickCustomer(population.requestCumulative, random());
  const primary = population.primaryDevice[customerOffset] ?? 0;
  let device = primary;
  if (random() >= PRIMARY_DEVICE_SHARE) {
    // One of the other four devices, uniformly.
    device = (primary + 1 + Math.floor(random() * (USER_AGENTS.length - 1))) % USER_AGENTS.length;
  }
  return { customerId: `CU-${FIRST_CUSTOMER + customerOffset}`, userAgent: USER_AGENTS[device]! };
}
