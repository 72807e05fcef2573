import { FomoError } from "../../lib/errors";

export interface DemoCliArgs {
  fresh: boolean;
  help: boolean;
  /** `--hosted`: the same as FOMO_HOSTED=1. */
  hosted: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo [-- --fresh]

Starts the whole FOMO stack and stops it on Ctrl+C (or SIGTERM):
  Kafka broker (KRaft), a private MariaDB/MySQL warehouse, the data generator, the sink connector,
  the Kafka SQL engine and the web app. Everything lives under STACK_DIR (default .stack/):
  logs in <STACK_DIR>/logs/, one file per service.

Options:
  --fresh   Delete the local data first (broker data, warehouse data, logs) and start from empty.
            The downloaded Kafka jars and the web build are kept.
  --hosted  Hosted mode (same as FOMO_HOSTED=1): only visitors with an invitation link
            (npm run invite) reach any page or API; see the README's "Hosted mode".
  --help    Show this help.

Configuration comes from environment variables (see .env.example), e.g.
  KAFKA_BROKERS=host:9092        use an existing Kafka cluster; no broker is started
  MYSQL_URL=mysql://root@host/db use an existing MySQL/MariaDB server; no warehouse is started
  SCHEMA_REGISTRY_URL=http://host:8081  use an existing Schema Registry; the embedded one is not started
  PORT=3000  KAFKA_PORT=9092  WAREHOUSE_PORT=3307  CONTROL_PORT=3100  ENGINE_PORT=3101  SCHEMA_REGISTRY_PORT=3102
  FOMO_WEB_DEV=1                 run the web app with next dev instead of a production build
  FOMO_SKIP_WEB=1                start no web app
`;

export function parseDemoCliArgs(argv: string[]): DemoCliArgs {
  const args: DemoCliArgs = { fresh: false, help: false, hosted: false };
  for (const arg of argv) {
    if (arg === "--fresh") args.fresh = true;
    else if (arg === "--hosted") args.hosted = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else throw new FomoError("bad_request:argument", `Unknown argument '${arg}'. Run npm run demo -- --help for the options.`);
  }
  return args;
}
