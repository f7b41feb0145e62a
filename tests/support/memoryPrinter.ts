import type { Printer, PrintJob, PrintOutcome } from '../../electron/main/application/Printer';

/** A printer that keeps each page it was given, newest last, and answers as the user would (printed by default). */
export function memoryPrinter(answer: PrintOutcome['status'] = 'printed'): Printer & { readonly jobs: PrintJob[] } {
  const jobs: PrintJob[] = [];
  return {
    jobs,
    async print(job) {
      jobs.push(job);
      return { status: answer };
    },
  };
}
