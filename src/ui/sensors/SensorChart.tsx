import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PHENOMENA, type PhenomenonId } from '../../domain/sensors/phenomena';
import type { SensorHistory } from '../../domain/sensors/hubProtocol';
import { LEVEL_COLORS } from '../../domain/sensors/sensorAppearance';

/** Threshold values of a phenomenon as horizontal lines (warning amber, alert red). */
function thresholdLines(phenomenon: PhenomenonId): { value: number; color: string }[] {
  return (PHENOMENA.get(phenomenon)?.thresholds ?? []).flatMap((band) =>
    [band.atLeast, band.below]
      .filter((value): value is number => value !== undefined)
      .map((value) => ({ value, color: LEVEL_COLORS[band.level] })),
  );
}

/**
 * A time-series chart (uPlot: small, fast, canvas) with the phenomenon's threshold lines. uPlot owns its
 * canvas; React only creates and disposes of it. The caller gives the text alternative.
 */
export function SensorChart({
  history,
  label,
  width = 300,
}: {
  history: SensorHistory;
  label: string;
  width?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const times = history.points.map(([time]) => time / 1000);
    const values = history.points.map(([, value]) => value);
    const lines = thresholdLines(history.phenomenon);
    const numbers = values.filter((value): value is number => value !== null);
    const low = Math.min(...numbers, ...lines.map((line) => line.value));
    const high = Math.max(...numbers, ...lines.map((line) => line.value));
    const chart = new uPlot(
      {
        width,
        height: 160,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Europe/Berlin'),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { y: { range: () => [low - (high - low) * 0.05, high + (high - low) * 0.05 + 1e-9] } },
        series: [{}, { label, stroke: '#0b5cad', width: 2, spanGaps: false }],
        axes: [{}, { size: 48 }],
        hooks: {
          draw: [
            (plot) => {
              const context = plot.ctx;
              for (const line of lines) {
                const y = plot.valToPos(line.value, 'y', true);
                context.save();
                context.strokeStyle = line.color;
                context.setLineDash([6, 4]);
                context.lineWidth = 2;
                context.beginPath();
                context.moveTo(plot.bbox.left, y);
                context.lineTo(plot.bbox.left + plot.bbox.width, y);
                context.stroke();
                context.restore();
              }
            },
          ],
        },
      },
      [times, values],
      element,
    );
    return () => chart.destroy();
  }, [history, label, width]);
  return <div ref={container} className="sensor-chart" aria-hidden="true" />;
}
