// Injected into the bench page before the app's own scripts (Playwright addInitScript): the app calls
// `twinSensorApplyProbe` for each piece of work that applies live sensor updates on the main thread (src/app/
// sensorFeed.ts, src/store/sensorLive.ts); this keeps those timings while recording. Plain browser JavaScript, so
// no bundler helper sneaks into the page.
(() => {
  const probes = { recording: false, work: [], startedAt: 0, observationsSeen: 0 };
  window.twinSensorApplyProbe = (startMs, durationMs, observations, kind) => {
    probes.observationsSeen += observations;
    if (probes.recording) probes.work.push([startMs, durationMs, observations, kind]);
  };
  window.__twinSensorBench = {
    observationsSeen: () => probes.observationsSeen,
    start() {
      probes.work = [];
      probes.startedAt = performance.now();
      probes.recording = true;
    },
    /** Marks the trace (blink.user_timing) a few times, 0.3 ms apart; returns the marks' performance.now() times. */
    sync() {
      const times = [];
      for (let index = 0; index < 12; index++) {
        const until = performance.now() + 0.3;
        while (performance.now() < until);
        times.push(performance.mark('twin-bench-sync').startTime);
      }
      performance.clearMarks('twin-bench-sync');
      return times;
    },
    stop() {
      probes.recording = false;
      return { work: probes.work, startMs: probes.startedAt, endMs: performance.now() };
    },
  };
})();
