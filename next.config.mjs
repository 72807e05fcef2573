/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // One build dir per profile (set by the stack supervisor): the tests' build never replaces the
  // build a running demo serves.
  distDir: process.env.FOMO_NEXT_DIST_DIR || ".next",
  // Native and server-only packages stay out of the bundler: they run in Node route handlers only.
  serverExternalPackages: ["@duckdb/node-api", "@duckdb/node-bindings", "kafkajs", "@platformatic/kafka", "mysql2"],
  // The demo must work offline and never phone home.
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
