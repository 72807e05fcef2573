import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What the production build depends on: a change to any of these triggers a new `next build`. */
const WEB_SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tailwind.config.js",
  "tsconfig.json",
];

function collectFiles(absolute: string, files: string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    return;
  }
  if (stat.isFile()) {
    files.push(absolute);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(absolute)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    collectFiles(path.join(absolute, entry), files);
  }
}

/** A content hash of the web app's sources (paths and bytes), stable across machines. */
export function webSourceHash(root: string): string {
  const files: string[] = [];
  for (const source of WEB_SOURCES) collectFiles(path.join(root, source), files);
  files.sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}
