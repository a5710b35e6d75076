/**
 * The one protocol between the page and a compute worker. An API is a map from method names to
 * what a call sends, what it answers and (for long jobs) what it reports on the way. Every call
 * carries a job id and every reply names it, so a reply to a cancelled or superseded job finds
 * nobody waiting and is dropped.
 */
export interface Method<Args = unknown, Result = unknown, Progress = never> {
  args: Args;
  result: Result;
  progress: Progress;
}
export type Api = Record<string, Method<unknown, unknown, unknown>>;

/**
 * "interactive": a reader is waiting (a slider move, a drawn digit); runs before any waiting
 * batch job and between the chunks of a running one. "batch": curves, matrices, training.
 * "control": runs at once, even while a job holds the turn; only for handlers that touch no
 * tensors: they set a flag of a running job (pause, speed) or read plain data. "io": starts at once and waits on
 * something else (a download) without holding the turn; its tensor work goes in
 * `job.exclusive`, which takes the turn like an interactive job.
 */
export type Priority = "interactive" | "batch" | "control" | "io";

export type CallMessage<A extends Api = Api> = {
  [M in keyof A & string]: {
    kind: "call";
    id: number;
    method: M;
    args: A[M]["args"];
    priority: Priority;
  };
}[keyof A & string];

/** "ping": are you there? The worker answers "pong" as soon as it takes messages. */
export type ToWorkerMessage<A extends Api = Api> =
  | CallMessage<A>
  | { kind: "cancel"; id: number }
  | { kind: "ping" };

export type FromWorkerMessage =
  | { kind: "pong" }
  | { kind: "progress"; id: number; progress: unknown }
  | { kind: "result"; id: number; result: unknown }
  | {
      kind: "error";
      id: number;
      message: string;
      aborted: boolean;
      /** The error's own `kind`, if it has one (a ModelLoadError's "offline", "http", …). */
      code?: string;
    };

/** Either end of a message channel: a Worker, the worker's `self`, or a MessagePort in tests. */
export interface Endpoint<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((event: { data: In }) => void) | null;
}
