import { FomoError } from "../../lib/errors";

/**
 * Open live streams per visitor: a visitor with many tabs (or a script) cannot hold hundreds of
 * connections. Over the cap the request is refused with 429 (can retry once a tab closes).
 */
export class VisitorStreamCap {
  private readonly open = new Map<string, number>();

  constructor(readonly maxPerVisitor: number) {}

  /** Streams open now, all visitors together. */
  get total(): number {
    let sum = 0;
    for (const count of this.open.values()) sum += count;
    return sum;
  }

  /** Takes a slot for `visitor`; call the returned function exactly once when the stream ends. */
  acquire(visitor: string): () => void {
    const count = this.open.get(visitor) ?? 0;
    if (count >= this.maxPerVisitor) {
      throw new FomoError(
        "rate_limit:live_streams",
        `Too many live pages open at once (limit ${this.maxPerVisitor}); close a tab and reload`,
        { canRetry: true },
      );
    }
    this.open.set(visitor, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(visitor) ?? 1) - 1;
      if (left <= 0) this.open.delete(visitor);
      else this.open.set(visitor, left);
    };
  }
}
