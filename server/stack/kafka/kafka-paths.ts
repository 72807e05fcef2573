import path from "node:path";

/** Where the embedded broker keeps its files under the stack dir. */
export function kafkaPaths(stackDir: string) {
  const home = path.join(stackDir, "kafka");
  return {
    home,
    /** The downloaded jars: a cache kept by `--fresh`. */
    libs: path.join(home, "libs"),
    data: path.join(home, "data"),
    serverProperties: path.join(home, "server.properties"),
    log4j2Properties: path.join(home, "log4j2.properties"),
    logFile: path.join(stackDir, "logs", "kafka.log"),
    fetchLogFile: path.join(stackDir, "logs", "kafka-fetch.log"),
  };
}
