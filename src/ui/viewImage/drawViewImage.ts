import type { DrawOperation, MeasureText, ViewImageLayout } from '../../domain/viewImage/viewImageLayout';

/** Text widths as the 2D canvas will draw them. */
export function canvasTextMeasure(context: CanvasRenderingContext2D): MeasureText {
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

function drawSymbol(
  context: CanvasRenderingContext2D,
  operation: Extract<DrawOperation, { kind: 'symbol' }>,
) {
  const { x, y, size, color } = operation;
  context.fillStyle = color;
  context.strokeStyle = '#333333';
  context.lineWidth = Math.max(1, size / 14);
  context.beginPath();
  if (operation.symbol === 'dot') {
    context.arc(x + size / 2, y + size / 2, size / 2, 0, 2 * Math.PI);
  } else if (operation.symbol === 'pin') {
    // A map pin: a round head over a point, as the places layer draws it.
    const centreX = x + size / 2;
    const radius = size * 0.36;
    context.arc(centreX, y + radius, radius, Math.PI * 0.85, Math.PI * 0.15);
    context.lineTo(centreX, y + size);
    context.closePath();
  } else {
    context.rect(x, y, size, size);
  }
  context.fill();
  context.stroke();
}

/** Carries out a layout on a new canvas, with the captured map where the layout puts it. */
export function drawViewImage(layout: ViewImageLayout, map: CanvasImageSource): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.textBaseline = 'top';
  for (const operation of layout.operations) {
    switch (operation.kind) {
      case 'fill':
        context.fillStyle = operation.color;
        context.fillRect(operation.x, operation.y, operation.width, operation.height);
        break;
      case 'map':
        context.drawImage(map, operation.x, operation.y, operation.width, operation.height);
        break;
      case 'text':
        context.font = operation.font;
        context.fillStyle = operation.color;
        context.fillText(operation.text, operation.x, operation.y);
        break;
      case 'symbol':
        drawSymbol(context, operation);
        break;
    }
  }
  return canvas;
}

/** The canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
      'image/png',
    );
  });
}
