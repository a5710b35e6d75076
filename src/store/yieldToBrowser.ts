/**
 * Lets the browser handle input and paint before the next chunk of long work (a macrotask via
 * MessageChannel: unlike setTimeout(0) it is not clamped to 4 ms after a few nestings).
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
