import { FomoError } from "../../../lib/errors";
import { findExecutable } from "./find-executable";

/** Maven is needed once, to fetch the Kafka jars; throws `stack:missing_prerequisite` with the fix. */
export function findMaven(searchPath: string | undefined): string {
  const mvn = findExecutable(["mvn"], [], searchPath);
  if (!mvn) {
    throw new FomoError(
      "stack:missing_prerequisite",
      "Apache Maven (`mvn`) is required once, to download the Kafka broker jars, but it is not on PATH. " +
        "Install it (Debian/Ubuntu: `apt-get install maven`; macOS: `brew install maven`), or set KAFKA_BROKERS to use an existing Kafka cluster.",
    );
  }
  return mvn;
}
