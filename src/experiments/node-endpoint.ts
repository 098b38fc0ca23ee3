// comlink speaks to browser-style endpoints (addEventListener, event.data); Node's worker_threads
// ports emit the data itself. This is comlink's own node-adapter, typed: the CLI's worker threads
// (node-pool.ts) and tests/contract speak comlink through it.
import type { Endpoint } from 'comlink';
import type { MessagePort as NodeMessagePort, Worker } from 'node:worker_threads';

type NodePort = Pick<NodeMessagePort | Worker, 'on' | 'off' | 'postMessage'>;
type Listener = EventListenerOrEventListenerObject;

export function nodeEndpoint(port: NodePort): Endpoint {
  const wrapped = new WeakMap<Listener, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer as never),
    addEventListener: (_type: string, listener: Listener) => {
      const onData = (data: unknown) => {
        const event = { data } as MessageEvent;
        if ('handleEvent' in listener) listener.handleEvent(event);
        else listener(event);
      };
      port.on('message', onData);
      wrapped.set(listener, onData);
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const onData = wrapped.get(listener);
      if (onData) port.off('message', onData);
      wrapped.delete(listener);
    },
  };
}
