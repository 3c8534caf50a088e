/** A counting semaphore: at most `permits` holders at once; waiters are served FIFO. */
export class Semaphore {
  private waiters: Array<() => void> = [];

  constructor(private permits: number) {}

  /** Waits for a permit. */
  acquire(): Promise<void> {
    if (this.permits > 0) {
      this.permits--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Returns a permit. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.permits++;
  }
}
