import { renderExtraListeners, type BrokerListener, type BrokerSaslUsers } from "./broker-listeners";

export interface BrokerConfigOptions {
  host: string;
  port: number;
  controllerPort: number;
  dataDir: string;
  /** Secured listeners beside the PLAINTEXT one (tests of SASL and TLS clients). */
  extraListeners?: BrokerListener[];
  saslUsers?: BrokerSaslUsers;
}

/**
 * A single-node KRaft broker (broker and controller in one process), reachable only on the
 * loopback, with every internal topic at replication factor 1. Topics are created explicitly by
 * the supervisor, so a typo in a client never creates one.
 */
export function renderServerProperties(options: BrokerConfigOptions): string {
  const { host, port, controllerPort, dataDir } = options;
  const extra = renderExtraListeners(host, options.extraListeners ?? [], options.saslUsers ?? {});
  return [
    "# Written by the FOMO stack supervisor on every start; edits are overwritten.",
    "process.roles=broker,controller",
    "node.id=1",
    `controller.quorum.voters=1@${host}:${controllerPort}`,
    `listeners=${[`PLAINTEXT://${host}:${port}`, `CONTROLLER://${host}:${controllerPort}`, ...extra.bindings].join(",")}`,
    `advertised.listeners=${[`PLAINTEXT://${host}:${port}`, ...extra.bindings].join(",")}`,
    "controller.listener.names=CONTROLLER",
    `listener.security.protocol.map=${["PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT", ...extra.protocols].join(",")}`,
    ...extra.settings,
    "inter.broker.listener.name=PLAINTEXT",
    `log.dirs=${dataDir}`,
    "num.partitions=3",
    "default.replication.factor=1",
    "offsets.topic.replication.factor=1",
    "offsets.topic.num.partitions=3",
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "share.coordinator.state.topic.replication.factor=1",
    "share.coordinator.state.topic.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
    "auto.create.topics.enable=false",
    // After a crash the restarted broker cannot register until the controller has timed out the
    // dead one's session (9 s by default). Broker and controller share this process, so a short
    // session is safe, and the broker is back about 5 s sooner.
    "broker.session.timeout.ms=4000",
    "broker.heartbeat.interval.ms=1000",
    // A demo machine's disk is small: keep a week or 1 GiB per partition, whichever comes first.
    "log.retention.hours=168",
    "log.retention.bytes=1073741824",
    "",
  ].join("\n");
}

/** The broker logs to stdout, which the supervisor sends to `<stackDir>/logs/kafka.log`. */
export function renderLog4j2Properties(): string {
  return [
    "status = warn",
    "appender.console.type = Console",
    "appender.console.name = STDOUT",
    "appender.console.layout.type = PatternLayout",
    "appender.console.layout.pattern = [%d] %p %m (%c)%n",
    "rootLogger.level = INFO",
    "rootLogger.appenderRef.stdout.ref = STDOUT",
    "logger.kafka.name = kafka",
    "logger.kafka.level = INFO",
    "logger.apache.name = org.apache.kafka",
    "logger.apache.level = INFO",
    "",
  ].join("\n");
}
