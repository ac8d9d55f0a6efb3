// Records a Chrome trace of a page over the DevTools protocol (Tracing domain, streamed back through IO.read).
import type { CDPSession } from '@playwright/test';
import type { TraceEvent } from './traceCpu';

/** Main-thread tasks and JavaScript entries with thread CPU time, GC, user timing marks (for the clock). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'blink.user_timing',
];

export async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES },
  });
}

export interface RecordedTrace {
  events: TraceEvent[];
  /** Chromium dropped events (its trace buffer filled). */
  dataLoss: boolean;
  megabytes: number;
}

/** Ends the trace started by `startTrace` and reads it back. */
export async function endTrace(session: CDPSession): Promise<RecordedTrace> {
  const complete = new Promise<{ stream?: string; dataLossOccurred: boolean }>((resolve) =>
    session.once('Tracing.tracingComplete', resolve),
  );
  await session.send('Tracing.end');
  const { stream, dataLossOccurred } = await complete;
  if (!stream) throw new Error('Tracing.tracingComplete came without a stream');
  const chunks: Buffer[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await session.send('IO.read', { handle: stream, size: 4 << 20 });
    chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const text = Buffer.concat(chunks);
  const parsed = JSON.parse(text.toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return {
    events: Array.isArray(parsed) ? parsed : parsed.traceEvents,
    dataLoss: dataLossOccurred,
    megabytes: text.length / 1e6,
  };
}
