import { createHash, timingSafeEqual } from "node:crypto";

export interface BasicCredentials {
  username: string;
  password: string;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether an `Authorization: Basic …` header carries exactly these credentials (compared in constant time). */
export function basicAuthMatches(header: string | undefined, expected: BasicCredentials): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], "base64").toString("utf8");
  return timingSafeEqual(digest(given), digest(`${expected.username}:${expected.password}`));
}

export function basicAuthHeader(credentials: BasicCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
