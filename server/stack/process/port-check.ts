import net from "node:net";
import { FomoError } from "../../../lib/errors";

export interface RequiredPort {
  port: number;
  /** What listens there ("Kafka broker"). */
  service: string;
  /** The variable that changes it ("KAFKA_PORT"). */
  variable: string;
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws `stack:port_in_use` naming the first busy port, its service and the variable to change it. */
export async function ensurePortsFree(host: string, ports: RequiredPort[]): Promise<void> {
  const seen = new Map<number, RequiredPort>();
  for (const required of ports) {
    const clash = seen.get(required.port);
    if (clash) {
      throw new FomoError(
        "stack:port_in_use",
        `${required.variable} and ${clash.variable} both use port ${required.port}: give each service its own port.`,
      );
    }
    seen.set(required.port, required);
  }
  for (const required of ports) {
    if (!(await isFree(host, required.port))) {
      throw new FomoError(
        "stack:port_in_use",
        `Port ${required.port} on ${host} (${required.service}) is already in use. ` +
          `Stop whatever listens there (e.g. a previous npm run demo: \`ss -ltnp 'sport = :${required.port}'\` shows it) ` +
          `or set ${required.variable} to a free port.`,
      );
    }
  }
}
