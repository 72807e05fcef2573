/**
 * Restarts loading at a set time after the pipeline was stopped. On a hosted copy one visitor may
 * stop the pipeline in step 5 and leave; the next one must not find the warehouse frozen for good.
 * The time is absolute (epoch ms) so a stop replayed after a connector crash keeps its deadline.
 */
export class PipelineRestartTimer {
  private timer: NodeJS.Timeout | undefined;
  private at: number | undefined;

  constructor(
    private readonly restart: () => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  /** When loading restarts on its own, or undefined when nothing is scheduled. */
  get restartsAt(): number | undefined {
    return this.at;
  }

  schedule(at: number): void {
    this.cancel();
    this.at = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.at = undefined;
        this.restart().then(
          () => this.log("pipeline restarted on its own: the stop reached CONNECTOR_STOP_LIMIT_MS"),
          (error: unknown) => this.log(`pipeline could not restart on its own: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
      Math.max(0, at - Date.now()),
    );
    // A pending restart must not keep a process alive that was asked to exit.
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.at = undefined;
  }
}
