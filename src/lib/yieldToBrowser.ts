/**
 * The one way to yield between chunks of long work: a macrotask (via MessageChannel; unlike
 * setTimeout(0) it is not clamped to 4 ms after a few nestings). On the page the browser handles
 * input and paints meanwhile; in a worker, the messages that arrived (a cancel, a slider value)
 * are taken.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === "undefined") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
