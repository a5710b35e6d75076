/** Test-only: a worker in-process. `handlers` serve one end of a MessageChannel, the client the other. */
import { type Client, createClient } from "../client";
import type { Api, Endpoint, FromWorkerMessage, ToWorkerMessage } from "../protocol";
import { type Handlers, serve } from "../serve";

export function inProcess<A extends Api>(
  handlers: Handlers<A>,
): { client: Client<A>; close(): void } {
  const channel = new MessageChannel();
  serve<A>(channel.port1 as unknown as Endpoint<ToWorkerMessage<A>, FromWorkerMessage>, handlers);
  const client = createClient<A>(
    channel.port2 as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
  );
  return {
    client,
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}
