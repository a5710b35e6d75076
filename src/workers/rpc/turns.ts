import type { Priority } from "./protocol";

export type TurnPriority = Exclude<Priority, "control" | "io">;

/**
 * Whose turn it is on a worker's one thread. One job holds the turn at a time (so no job can
 * dispose a tensor another is reading); the next turn goes to the first interactive waiter, else
 * to the batch waiter that has waited longest. A batch job gives its turn back between chunks
 * and queues again at the back, so batch jobs share the thread and interactive ones cut in.
 */
export class Turns {
  private held = false;
  private readonly waiting: { priority: TurnPriority; go: () => void }[] = [];

  acquire(priority: TurnPriority): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((go) => {
      const waiter = { priority, go };
      if (priority === "batch") this.waiting.push(waiter);
      else {
        const firstBatch = this.waiting.findIndex((w) => w.priority === "batch");
        this.waiting.splice(firstBatch < 0 ? this.waiting.length : firstBatch, 0, waiter);
      }
    });
  }

  /**
   * Between chunks: a batch holder lets whoever waits go first, an interactive one only the
   * interactive waiters (a slider's PGD run is not slowed by the sweep behind it); then it
   * queues again and returns when it is back.
   */
  async pass(priority: TurnPriority): Promise<void> {
    const next = this.waiting[0];
    if (!next || (priority === "interactive" && next.priority === "batch")) return;
    this.release();
    await this.acquire(priority);
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.held = false;
  }
}
