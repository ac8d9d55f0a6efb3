/** A piece of the embedded default data `npm start` produces on first run, showing its progress. */
export interface DefaultDataStage {
  name: string;
  /** True when the stage's output exists and is current: then it is skipped. */
  isUpToDate(): boolean;
  run(progress: (done: number, total: number) => void): Promise<void>;
}

/** Draws a one-line progress bar in a terminal, or prints every tenth step when output goes to a file. */
export function createProgressPrinter(name: string, stream: NodeJS.WriteStream = process.stdout) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${name} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)} %`,
      );
      if (done >= total) stream.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${name}: ${Math.round(share * 100)} %\n`);
    }
  };
}

/** Runs every stage that is not up to date, in order. */
export async function prepareDefaultData(
  stages: readonly DefaultDataStage[],
  log: (line: string) => void = console.log,
): Promise<void> {
  for (const stage of stages) {
    if (stage.isUpToDate()) continue;
    log(`Erzeugt ${stage.name} (nur beim ersten Start) …`);
    await stage.run(createProgressPrinter(stage.name));
  }
}
