// The hub's WebSocket messages are parsed here, off the main thread: a batch of 10,000 sensors is some 80 KB of
// JSON, whose parse alone took more than a frame's budget for live values. The main thread owns the socket (so
// reconnecting and Playwright's WebSocket routing stay there) and forwards each message's text.
import { HubMessageReader, transferablesOf, type HubReaderEvent } from '../domain/sensors/hubMessageReader';
import type { HubReaderRequest } from './hubMessageDecoder';

interface WorkerScope {
  onmessage: ((event: MessageEvent<HubReaderRequest>) => void) | null;
  postMessage(message: HubReaderEvent, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const reader = new HubMessageReader({
  emit: (event) => scope.postMessage(event, event.kind === 'batch' ? transferablesOf(event) : []),
});

scope.onmessage = ({ data }) => {
  if (data.kind === 'message') reader.read(data.text);
  else reader.ready();
};
