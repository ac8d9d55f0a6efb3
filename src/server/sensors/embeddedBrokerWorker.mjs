// The embedded MQTT broker (aedes) in a worker thread, so that fanning observations out to MQTT subscribers runs on
// another core than ingest, storage and the HTTP server. Plain JavaScript: a worker cannot rely on the TypeScript
// loader of whoever started the server (tsx, Vitest). Messages: see embeddedBroker.ts.
import { createServer } from 'node:net';
import { setImmediate } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import { Aedes } from 'aedes';

const { host, port, retain, reservedPrefix } = workerData;

const aedes = await Aedes.createBroker({
  // A subscriber that stops reading is cut off after 10 s instead of stalling delivery to everybody.
  drainTimeout: 10_000,
  // mqemitter queues beyond this with an O(n) shift per message; the hub bounds what is in flight itself.
  concurrency: 1_000_000,
  authorizePublish: (client, packet, callback) => {
    if (reservedPrefix && client && packet.topic.startsWith(reservedPrefix))
      callback(new Error(`only the hub publishes under ${reservedPrefix}`));
    else callback(null);
  },
});
// A client that misbehaves is dropped by aedes; these events only need a listener so they never throw.
aedes.on('clientError', () => {});
aedes.on('connectionError', () => {});

const sockets = new Set();
const server = createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  aedes.handle(socket);
});

const noop = () => {};

let corked = false;
function corkSockets() {
  if (corked) return;
  corked = true;
  sockets.forEach((socket) => socket.cork());
  setImmediate(() =>
    setImmediate(() => {
      corked = false;
      sockets.forEach((socket) => socket.uncork());
    }),
  );
}

function close() {
  const serverClosed = new Promise((resolve) => server.close(() => resolve()));
  aedes.close(() => {
    sockets.forEach((socket) => socket.destroy());
    void serverClosed.then(() => parentPort.postMessage({ type: 'closed' }));
  });
}

parentPort.on('message', (message) => {
  if (message.type === 'publish') {
    const { topics, payloads } = message;
    // One write per subscriber and batch instead of one per message: the sockets are corked while aedes delivers
    // the batch (its retained-message step lets deliveries finish a turn later) and uncorked afterwards.
    corkSockets();
    for (let index = 0; index < topics.length; index++)
      aedes.publish(
        { cmd: 'publish', topic: topics[index], payload: payloads[index], qos: 0, retain, dup: false },
        noop,
      );
    parentPort.postMessage({ type: 'published', count: topics.length });
  } else if (message.type === 'close') {
    close();
  }
});

server.once('error', (error) => {
  parentPort.postMessage({ type: 'failed', code: error.code, message: error.message });
  aedes.close(() => parentPort.postMessage({ type: 'closed' }));
});
server.listen(port, host, () => {
  server.on('error', noop);
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});
