import { describe, expect, it } from "vitest";
import { HOSTED_VISITOR_COOKIE, newVisitorId, visitorIdFromCookieHeader } from "./visitor";

describe("visitor id cookie", () => {
  it("reads a fresh visitor id back from a Cookie header among other cookies", () => {
    const id = newVisitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(visitorIdFromCookieHeader(`a=1; ${HOSTED_VISITOR_COOKIE}=${id}; b=2`)).toBe(id);
  });

  it("ignores a missing header, a missing cookie and a malformed id", () => {
    expect(visitorIdFromCookieHeader(null)).toBeUndefined();
    expect(visitorIdFromCookieHeader("other=x")).toBeUndefined();
    expect(visitorIdFromCookieHeader(`${HOSTED_VISITOR_COOKIE}=../../etc`)).toBeUndefined();
    expect(visitorIdFromCookieHeader(`${HOSTED_VISITOR_COOKIE}=${"a".repeat(23)}`)).toBeUndefined();
  });

  it("gives a different id every time", () => {
    expect(new Set(Array.from({ length: 100 }, newVisitorId)).size).toBe(100);
  });
});
