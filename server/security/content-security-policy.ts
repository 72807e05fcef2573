import { randomBytes } from "node:crypto";

/**
 * The Content-Security-Policy of every page, in local and hosted mode alike (a presenter's
 * localhost is no reason to let a page run foreign script). Scripts need this request's nonce:
 * Next.js reads it from the request's CSP header and stamps it on its own inline and chunk
 * scripts, and 'strict-dynamic' lets those load the rest (Monaco's lazy chunks among them).
 *
 * What Monaco needs and why each exception is here:
 * - worker-src 'self' blob: its language workers are bundled chunks started with `new Worker`;
 * - style-src 'unsafe-inline': it injects <style> elements and style attributes at runtime (so do
 *   React's `style` props and recharts); a nonce on style-src would switch 'unsafe-inline' off;
 * - font-src data: the codicon font ships inside its CSS as a data: URL.
 */

export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { devServer: boolean }): string {
  const { devServer } = options;
  const directives = [
    "default-src 'self'",
    // React's dev build evaluates code for its overlay and source maps; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devServer ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    // Same-origin fetches and server-sent events; the dev server's hot reload uses a websocket.
    `connect-src 'self'${devServer ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Headers every response carries (documents and API alike). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
};
