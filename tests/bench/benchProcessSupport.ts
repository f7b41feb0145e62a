import { readFile } from 'node:fs/promises';
import type { Dialogs } from '../../electron/main/application/Dialogs';

// What the benchmarks' forked processes share; no test support here (it would load vitest into the measured process).

/** Dialogs answered in advance, as `answers` says; every other one is cancelled. */
export function answeredDialogs(answers: Partial<Dialogs>): Dialogs {
  return {
    chooseExportPath: async () => null,
    chooseExportFolder: async () => null,
    askAboutEarlierExport: async () => 'cancel',
    chooseImageFiles: async () => [],
    choosePackagePath: async () => null,
    choosePackageToOpen: async () => null,
    chooseWordFile: async () => null,
    ...answers,
  };
}

/** The kernel's resident high-water mark of this process (VmHWM), or null where /proc/self/status is not there. */
export async function residentHighWaterMark(): Promise<number | null> {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(await readFile('/proc/self/status', 'utf8'));
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/** Resident memory sampled every 20 ms from now (work off the main thread keeps the timer ticking), until `stop`. */
export function sampleResidentMemory(): { rssBefore: number; stop(): Promise<{ sampledPeakRss: number; peakRss: number }> } {
  const rssBefore = process.memoryUsage().rss;
  let sampledPeakRss = rssBefore;
  const sampler = setInterval(() => {
    sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
  }, 20);
  return {
    rssBefore,
    async stop() {
      clearInterval(sampler);
      sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
      // The kernel's high-water mark where /proc has it, else the sampled peak.
      return { sampledPeakRss, peakRss: (await residentHighWaterMark()) ?? sampledPeakRss };
    },
  };
}
