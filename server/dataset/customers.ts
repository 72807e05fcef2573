import { BIG_SPENDER_DEVICE, USER_AGENTS } from "./user-agents";
import { hashKey } from "./prng";

/**
 * The customer population behind both topics, derived from the seed alone:
 * - 1,000 customers, CU-1000..CU-1999;
 * - each has a sticky primary device (used for ~80% of their requests);
 * - users whose primary device is BIG_SPENDER_DEVICE buy ~3x as often as everyone else;
 * - one "star" customer, CU-(1000 + seed mod 1000) — CU-1277 under the default seed 1277 — is a
 *   deliberately heavy buyer on that device, so the seed's top-3 query puts them first both on the
 *   10,000-event backlog and after hours of trickle (the lead is ~2x the runner-up, many sigmas).
 */
export const FIRST_CUSTOMER = 1000;
export const CUSTOMER_COUNT = 1000;
export const PRIMARY_DEVICE_SHARE = 0.8;
export const BIG_SPENDER_WEIGHT = 3;
export const STAR_WEIGHT = 12;

const DEVICE_STREAM = 101;
const WEIGHT_STREAM = 102;

export interface Population {
  seed: number;
  starCustomer: number;
  /** Primary device (index into USER_AGENTS) of customer FIRST_CUSTOMER + i. */
  primaryDevice: Uint8Array;
  /** Cumulative purchase weights, for picking who buys. */
  purchaseCumulative: Float64Array;
  /** Cumulative request weights: heavier buyers also browse more, but less than they buy. */
  requestCumulative: Float64Array;
}

export function starCustomerOf(seed: number): number {
  return FIRST_CUSTOMER + (((seed % CUSTOMER_COUNT) + CUSTOMER_COUNT) % CUSTOMER_COUNT);
}

function buildPopulation(seed: number): Population {
  const starCustomer = starCustomerOf(seed);
  const primaryDevice = new Uint8Array(CUSTOMER_COUNT);
  const purchaseCumulative = new Float64Array(CUSTOMER_COUNT);
  const requestCumulative = new Float64Array(CUSTOMER_COUNT);
  let purchaseTotal = 0;
  let requestTotal = 0;
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const isStar = FIRST_CUSTOMER + i === starCustomer;
    const device = isStar ? BIG_SPENDER_DEVICE : hashKey(seed, DEVICE_STREAM, i) % USER_AGENTS.length;
    primaryDevice[i] = device;
    // Individual spread of ±25% so the ranking below the star looks natural.
    const spread = 0.75 + (hashKey(seed, WEIGHT_STREAM, i) / 4_294_967_296) * 0.5;
    const weight = isStar ? STAR_WEIGHT : (device === BIG_SPENDER_DEVICE ? BIG_SPENDER_WEIGHT : 1) * spread;
    purchaseTotal += weight;
    requestTotal += Math.sqrt(weight);
    purchaseCumulative[i] = purchaseTotal;
    requestCumulative[i] = requestTotal;
  }
  return { seed, starCustomer, primaryDevice, purchaseCumulative, requestCumulative };
}

const populations = new Map<number, Population>();

export function populationOf(seed: number): Population {
  let population = populations.get(seed);
  if (!population) {
    population = buildPopulation(seed);
    if (populations.size > 64) populations.clear();
    populations.set(seed, population);
  }
  return population;
}

/** Index of the customer whose cumulative-weight bucket contains u ∈ [0, 1). */
export function pickCustomer(cumulative: Float64Array, u: number): number {
  const target = u * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
