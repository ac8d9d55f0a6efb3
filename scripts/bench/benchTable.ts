/** A column of a printed table: its heading and whether its cells are numbers (right-aligned). */
export interface TableColumn {
  heading: string;
  numeric?: boolean;
}

/** Renders rows as a plain-text table with a heading rule; `—` stands for a missing value. */
export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.heading.length, ...rows.map((row) => (row[index] ?? '—').length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '—';
        return column.numeric ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.heading)), rule, ...rows.map(line)].join('\n');
}

/** A number with thousands separators and a fixed number of decimals; `—` for NaN or undefined. */
export function formatNumber(value: number | undefined, decimals = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Which way a goal points: at least this much (speed) or at most this much (size, time). */
export type GoalDirection = 'at-least' | 'at-most';

/** figure ÷ goal with a verdict, e.g. `miss 0.78` or `ok 1.25` (numbers line up when right-aligned); never an assertion. */
export function formatGoalRatio(figure: number | undefined, goal: number, direction: GoalDirection): string {
  if (figure === undefined || !Number.isFinite(figure)) return '—';
  const ratio = figure / goal;
  const meets = direction === 'at-least' ? ratio >= 1 : ratio <= 1;
  return `${meets ? 'ok' : 'miss'} ${ratio.toFixed(2)}`;
}

/** A section heading underlined, so the tables are easy to find in a long log. */
export function formatHeading(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}`;
}
