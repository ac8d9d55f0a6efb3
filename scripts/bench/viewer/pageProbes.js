// Injected into each measured page before its own scripts (Playwright addInitScript): notes when
// <html data-twin-ready="true"> appears, keeps every resource timing entry, and records requestAnimationFrame
// timestamps on demand. Plain browser JavaScript, so no bundler helper can sneak into the page.
(() => {
  const probes = { readyAt: undefined, frames: [], recording: false };
  performance.setResourceTimingBufferSize(100000);
  new MutationObserver(() => {
    if (probes.readyAt === undefined && document.documentElement?.dataset.twinReady === 'true')
      probes.readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-twin-ready'] });

  const isScript = (entry) =>
    entry.initiatorType === 'script' || new URL(entry.name).pathname.endsWith('.js');
  const record = (timestamp) => {
    if (!probes.recording) return;
    probes.frames.push(timestamp);
    requestAnimationFrame(record);
  };

  window.__twinBench = {
    readLoadReport() {
      const resources = performance.getEntriesByType('resource');
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        readyMilliseconds: probes.readyAt,
        scriptTransferBytes: resources.filter(isScript).reduce((sum, entry) => sum + entry.transferSize, 0),
        totalTransferBytes:
          resources.reduce((sum, entry) => sum + entry.transferSize, 0) + (navigation?.transferSize ?? 0),
        requestCount: resources.length + 1,
      };
    },
    startFrameRecording() {
      probes.frames = [];
      probes.recording = true;
      requestAnimationFrame(record);
    },
    stopFrameRecording() {
      probes.recording = false;
      return { frameTimestamps: probes.frames, usedJsHeapBytes: performance.memory?.usedJSHeapSize };
    },
  };
})();
