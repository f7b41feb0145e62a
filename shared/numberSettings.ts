/**
 * The numeric settings with their bounds and defaults: one table for main's schema and the settings dialog
 * (zod-free, so the renderer can import it).
 */
export const numberSettings = {
  /** Longest side, in pixels, of the photos written by the exports. */
  exportImageMaxSide: { minimum: 320, maximum: 6000, fallback: 1600 },
  /** JPEG quality of the exported photos. */
  exportJpegQuality: { minimum: 40, maximum: 100, fallback: 82 },
  /** Font size, in points, of the .docx export's text: 13 or 14, as Vietnamese offices set their documents. */
  docxFontSize: { minimum: 13, maximum: 14, fallback: 13 },
  /** A save takes a backup snapshot when the newest is older than this many minutes. */
  backupEveryMinutes: { minimum: 1, maximum: 24 * 60, fallback: 10 },
  /** Every backup snapshot younger than this many hours is kept. */
  backupKeepHours: { minimum: 1, maximum: 24 * 30, fallback: 48 },
  /** The newest backup snapshot of each day is kept this many days. */
  backupDailyKeepDays: { minimum: 1, maximum: 365, fallback: 14 },
} as const;

export type NumberSettingKey = keyof typeof numberSettings;
