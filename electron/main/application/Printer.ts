import { AppError } from '../../../shared/errorCodes';

/** A page to print: the whole print page (printPageHtml) and the article's file name without extension (its slug). */
export interface PrintJob {
  readonly html: string;
  readonly name: string;
}

export type PrintOutcome = { status: 'printed' } | { status: 'cancelled' };

/** Prints a page through the system dialog (which also saves as PDF): Electron's in the app, a file in the harness, a record in tests. */
export interface Printer {
  print(job: PrintJob): Promise<PrintOutcome>;
}

/** Where no printer was given (a process without a window): printing says so instead of pretending it worked. */
export const unavailablePrinter: Printer = {
  async print() {
    throw new AppError('internal', 'Không in được trên máy này.');
  },
};
