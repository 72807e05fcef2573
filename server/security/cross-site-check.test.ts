import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./cross-site-check";

const base = { host: "demo.example.com", origin: null, secFetchSite: null };

describe("cross-site write check", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteWrite({ ...base, method: "GET", secFetchSite: "cross-site" })).toBe(false);
  });

  it("refuses a POST another site sends, by Sec-Fetch-Site or by Origin", () => {
    expect(isCrossSiteWrite({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteWrite({ ...base, method: "DELETE", secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteWrite({ ...base, method: "PUT", origin: "null" })).toBe(true);
  });

  it("accepts the app's own POSTs and requests without browser headers", () => {
    expect(isCrossSiteWrite({ ...base, method: "POST", secFetchSite: "same-origin", origin: "https://demo.example.com" })).toBe(false);
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "https://demo.example.com" })).toBe(false);
    expect(isCrossSiteWrite({ ...base, method: "POST" })).toBe(false);
  });
});
