import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
// Last among the shared configs: turns off stylistic rules that would fight Prettier, which owns formatting.
import prettier from "eslint-config-prettier";

// One Kafka client setup (server/kafka/README.md): only server/kafka/ may import the client libraries.
const kafkaClientLibraries = {
  paths: [
    { name: "kafkajs", message: "Import Kafka clients and their types from server/kafka/ (kafkajs-client.ts)." },
    { name: "@platformatic/kafka", message: "Import from server/kafka/ (platformatic-client.ts, platformatic-protocol.ts)." },
  ],
  patterns: [{ group: ["kafkajs/*", "@platformatic/kafka/*"], message: "Import Kafka clients from server/kafka/." }],
};

// @platformatic/kafka stays where measured speed needs it (server/kafka/platformatic-client.ts): reads go
// through the fetch path (server/kafka/fetch-path.ts); only the generator's bulk producer builds on it directly.
const platformaticModules = {
  group: ["**/kafka/platformatic-client", "**/kafka/platformatic-protocol"],
  message: "Read through server/kafka/fetch-path.ts; @platformatic/kafka is only for the fetch path and the bulk producer.",
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    ignores: [".next*/**", ".stack*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    ignores: ["server/kafka/**"],
    rules: {
      "no-restricted-imports": ["error", { ...kafkaClientLibraries, patterns: [...kafkaClientLibraries.patterns, platformaticModules] }],
    },
  },
  {
    // The bulk producer: hand-encoded batches over raw Produce (server/generator/README.md).
    files: ["server/generator/**"],
    rules: { "no-restricted-imports": ["error", kafkaClientLibraries] },
  },
  {
    // The connector is its own service: what it shares with the generator lives in server/kafka/ or server/dataset/.
    files: ["server/connector/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: kafkaClientLibraries.paths,
          patterns: [
            ...kafkaClientLibraries.patterns,
            platformaticModules,
            { group: ["**/generator", "**/generator/**"], message: "The connector must not depend on the generator." },
          ],
        },
      ],
    },
  },
];

export default config;
