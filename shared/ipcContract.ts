import { z } from 'zod';
import { articleContentSchema, articleIdSchema, articleSchema, articleStatuses, articleSummarySchema, mediaIdSchema } from './articleModel';
import { exportTemplateSchema } from './exportTemplateModel';
import { settingsSchema } from './settingsModel';
import {
  connectionTestResultSchema,
  sharedLibraryConnectionSchema,
  sharedLibraryViewSchema,
  syncOutcomeSchema,
  syncStatusSchema,
} from './sharedLibraryModel';
import { backupEntrySchema, backupIdSchema, backupStatusSchema } from './backupModel';
import { batchExportOutcomeSchema, batchExportProgressSchema, batchExportRequestSchema } from './batchExportModel';
import { searchRequestSchema, searchResultSchema } from './searchModel';
import { mediaInfoSchema, mediaLimits, photoImportProgressSchema } from './mediaModel';
import { nfcString } from './nfcString';
import { reviewPackageDropLimitBytes } from './reviewPackageModel';
import { startupStatusSchema } from './startupStatus';
import { workflowEventSchema, workflowNoteMaximumLength } from './workflowEvent';
import type { ArticleDiff } from './diffArticles';
import { commentIdSchema, commentQuoteMaximumLength, commentTextMaximumLength, commentThreadSchema } from './commentModel';
import { versionIdSchema, versionLabelMaximumLength, versionSchema, versionSummarySchema, type VersionSummary } from './versionModel';
import { recoveryNoticeSchema } from './recoveryNotice';
import { appErrorSchema, type AppErrorData } from './errorCodes';
import { conflictChoicesSchema, conflictIdSchema, type ConflictView } from './conflictModel';
import type { ApiName, IpcChannel } from './ipcChannels';
import { dictionaryEntrySchema, dictionaryWordSchema } from './spelling/dictionaryModel';
import { wordDraftSchema, wordImportLimitBytes, wordImportProgressSchema } from './wordImportModel';

const empty = z.object({}).strict();
/** Far above a 10,000-word article's HTML, far below what would strain the clipboard. */
const clipboardLimitCharacters = 20_000_000;
const cmsFieldSchema = z
  .object({
    kind: z.enum(['title', 'sapo', 'body', 'caption', 'byline', 'credit']),
    text: z.string(),
    html: z.string().optional(),
  })
  .strict();
const byId = z.object({ id: articleIdSchema }).strict();
const exportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
const receivedPackage = { articleId: articleIdSchema, title: z.string(), message: z.string() };
const receivePackageOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), ...receivedPackage }),
  z.object({ status: z.literal('updated'), ...receivedPackage }),
  z.object({ status: z.literal('unchanged'), ...receivedPackage }),
  z.object({ status: z.literal('conflict'), ...receivedPackage }),
  z.object({ status: z.literal('cancelled') }),
]);

/**
 * What main pushes (`package:received`) after receiving a package opened outside the window: the file's name and the
 * outcome, or the error as data. The renderer checks it without zod (shared/packageReceivedReport.ts).
 */
export const packageReceivedReportSchema = z.discriminatedUnion('ok', [
  z.object({ fileName: z.string(), ok: z.literal(true), outcome: receivePackageOutcome }).strict(),
  z.object({ fileName: z.string(), ok: z.literal(false), error: appErrorSchema }).strict(),
]);

/** One entry of the contract: what a channel takes and what it gives back (its JSDoc says what it does). */
export interface ChannelContract<Request extends z.ZodType, Result extends z.ZodType> {
  request: Request;
  result: Result;
}

function channel<Request extends z.ZodType, Result extends z.ZodType>(request: Request, result: Result): ChannelContract<Request, Result> {
  return { request, result };
}

/** Every IPC channel with its request and result schemas: the single source of the renderer's API type. */
export const ipcContract = {
  /** Lists the articles in the library or in the trash, newest change first. */
  'library:list': channel(z.object({ scope: z.enum(['active', 'trash']) }).strict(), z.array(articleSummarySchema)),
  /** Full-text search ignoring case and diacritics ("hoi nghi" finds "Hội nghị"): hits best first, with highlights. */
  'library:search': channel(searchRequestSchema, searchResultSchema),
  /** Creates an empty article dated today and returns it. */
  'article:create': channel(empty, articleSchema),
  /** Reads one article, trashed or not. */
  'article:get': channel(byId, articleSchema),
  /** Saves an article durably; fails with `conflict` when the stored revision is not baseRevision. */
  'article:save': channel(
    z.object({ id: articleIdSchema, baseRevision: z.number().int().nonnegative(), content: articleContentSchema }).strict(),
    z.object({ revision: z.number().int(), updatedAt: z.string() }),
  ),
  /** Copies an article as a new draft titled "(bản sao)". */
  'article:duplicate': channel(byId, articleSchema),
  /** Moves an article to the trash (restorable). */
  'article:trash': channel(byId, articleSummarySchema),
  /** Brings an article back from the trash. */
  'article:restore': channel(byId, articleSummarySchema),
  /**
   * Moves an article one step in the editorial flow, for the user named in Cài đặt, if their role may (invalid-move
   * otherwise); stamped with name, role and time, with an optional note; returns the moved article.
   */
  'article:move': channel(
    z
      .object({
        id: articleIdSchema,
        baseRevision: z.number().int().nonnegative(),
        to: z.enum(articleStatuses),
        note: nfcString(workflowNoteMaximumLength),
      })
      .strict(),
    articleSchema,
  ),
  /** Every workflow move of an article, oldest first. */
  'article:history': channel(byId, z.array(workflowEventSchema)),
  /** An article's versions, newest first: who, when, why, label. */
  'version:list': channel(byId, z.array(versionSummarySchema)),
  /** One version with the article's text as it was then (shown read-only). */
  'version:get': channel(z.object({ id: articleIdSchema, versionId: versionIdSchema }).strict(), versionSchema),
  /** "Lưu phiên bản": takes a version of the article as it is now, with a label. */
  'version:save': channel(z.object({ id: articleIdSchema, label: nfcString(versionLabelMaximumLength) }).strict(), versionSummarySchema),
  /** Two versions compared field by field, word by word; null on either side is the article as it is now. */
  'version:compare': channel(
    z.object({ id: articleIdSchema, from: versionIdSchema.nullable(), to: versionIdSchema.nullable() }).strict(),
    z.custom<ArticleDiff>(),
  ),
  /** Brings back a version's text as a new save (the replaced text is kept as a version first); returns the article. */
  'version:restore': channel(
    z.object({ id: articleIdSchema, versionId: versionIdSchema, baseRevision: z.number().int().nonnegative() }).strict(),
    articleSchema,
  ),
  /** "Thay đổi từ lần tôi duyệt": the diff since the version this user last reviewed, or null if they never did. */
  'version:sinceMyReview': channel(byId, z.custom<{ reviewed: VersionSummary; diff: ArticleDiff } | null>()),
  /** An article's comment threads, oldest first, with their comments and whether each is resolved. */
  'comment:list': channel(byId, z.array(commentThreadSchema)),
  /** Starts a thread on the quoted text; the editor then anchors it with a mark carrying the returned id. */
  'comment:start': channel(
    z.object({ id: articleIdSchema, text: nfcString(commentTextMaximumLength), quote: nfcString(commentQuoteMaximumLength) }).strict(),
    commentThreadSchema,
  ),
  /** Adds a reply to a thread. */
  'comment:reply': channel(
    z.object({ id: articleIdSchema, threadId: commentIdSchema, text: nfcString(commentTextMaximumLength) }).strict(),
    commentThreadSchema,
  ),
  /** Resolves a thread (true) or opens it again (false). */
  'comment:resolve': channel(
    z.object({ id: articleIdSchema, threadId: commentIdSchema, resolved: z.boolean() }).strict(),
    commentThreadSchema,
  ),
  /** Exports an article as one standalone HTML file (photos embedded) where the user chooses. */
  'article:exportHtml': channel(byId, exportOutcome),
  /** Exports an article as a folder: index.html plus images/ with web-sized, metadata-free photos. */
  'article:exportFolder': channel(byId, exportOutcome),
  /** The page the HTML export would write (same serializer, stylesheet and photos), with a policy forbidding script and remote loads. */
  'article:preview': channel(byId, z.object({ html: z.string() })),
  /**
   * Puts the article's `<article>` fragment on the clipboard as text/html and its plain text as text/plain (an export:
   * a version is taken); gives back each field for the "Sao chép cho CMS" panel.
   */
  'article:copyForCms': channel(byId, z.object({ fields: z.array(cmsFieldSchema) })),
  /** Saves the photos web-sized into `<chosen folder>/images/`, named as the fragment's `<img src>`; asks before replacing. */
  'article:saveCmsPhotos': channel(
    byId,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), count: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  ),
  /** One field of the CMS panel on the clipboard: plain text, and HTML beside it for the body. */
  'clipboard:write': channel(
    z.object({ text: z.string().max(clipboardLimitCharacters), html: z.string().max(clipboardLimitCharacters).optional() }).strict(),
    empty,
  ),
  /** Exports an article as a Word document (.docx, photos embedded) where the user chooses. */
  'article:exportDocx': channel(byId, exportOutcome),
  /** Opens the system print dialog (which also saves a PDF) on the print page: A4, the agency's header, page numbers. */
  'article:print': channel(
    byId,
    z.discriminatedUnion('status', [z.object({ status: z.literal('printed') }), z.object({ status: z.literal('cancelled') })]),
  ),
  /**
   * "Xuất các bài đã chọn…": asks once for a folder, then exports each article into it in the form chosen; per-article
   * results (file, or the failure's message; the preflight's notes), never blocked by one bad article.
   */
  'batch:export': channel(batchExportRequestSchema, batchExportOutcomeSchema),
  /** How far the running batch export has got (asked while it runs; null when none does). */
  'batch:progress': channel(empty, batchExportProgressSchema),
  /** Stops the running batch export after the article under way (which is not written); finished files stay. */
  'batch:cancel': channel(empty, empty),
  /** "Mở thư mục": shows the folder of the last batch export in the file manager; the window never names the path. */
  'batch:openFolder': channel(empty, z.object({ opened: z.boolean() })),
  /** Deletes every trashed article for good, then the photos no remaining article uses. */
  'trash:empty': channel(empty, z.object({ removedArticles: z.number().int(), removedPhotos: z.number().int() })),
  /** Asks the user for photos, then imports each (refusals are reported per file, never thrown). */
  'media:importFromDialog': channel(
    empty,
    z.object({
      imported: z.array(mediaInfoSchema),
      refused: z.array(z.object({ fileName: z.string(), message: z.string() })),
    }),
  ),
  /** Imports a dropped or pasted photo. */
  'media:importBytes': channel(
    z
      .object({
        fileName: nfcString(255),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= mediaLimits.maximumBytes, 'Tệp quá lớn'),
      })
      .strict(),
    mediaInfoSchema,
  ),
  /** What the library knows about one photo. */
  'media:get': channel(z.object({ id: mediaIdSchema }).strict(), mediaInfoSchema),
  /** How far the photos picked in "Chèn ảnh" have got (asked while they are imported; null when none is). */
  'media:importProgress': channel(empty, photoImportProgressSchema),
  /** Writes the article with its history, comments, versions and photos to a review package (`.banthao`) where the user chooses. */
  'package:send': channel(byId, exportOutcome),
  /** Asks the user for a review package and receives it (created, updated, unchanged or conflict; see PackageService). */
  'package:openFromDialog': channel(empty, receivePackageOutcome),
  /** Receives a review package dropped on the window. */
  'package:receiveBytes': channel(
    z
      .object({
        fileName: nfcString(255),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= reviewPackageDropLimitBytes, 'Tệp quá lớn'),
      })
      .strict(),
    receivePackageOutcome,
  ),
  /**
   * The window has saved its pending edits for package `requestId` (asked by the `package:receiving` event); main then
   * receives the package the user opened outside the window (double-click, a second launch, macOS's open-file).
   */
  'package:readyToReceive': channel(z.object({ requestId: z.number().int().nonnegative() }).strict(), empty),
  /** "Nhập từ Word…": asks the user for a .docx and reads it into a draft to confirm (its pictures stored as photos). */
  'word:openFromDialog': channel(
    empty,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('read'), draft: wordDraftSchema }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  ),
  /** Reads a .docx dropped on the library into a draft to confirm. */
  'word:readBytes': channel(
    z
      .object({
        fileName: nfcString(255),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= wordImportLimitBytes, 'Tệp quá lớn'),
      })
      .strict(),
    wordDraftSchema,
  ),
  /** How far reading a Word file has got (asked while it is read; null when none is). */
  'word:progress': channel(empty, wordImportProgressSchema),
  /** The active articles with a conflict waiting to be settled (a received package and the local copy both changed). */
  'conflict:list': channel(empty, z.array(articleIdSchema)),
  /** The article's pending conflict for the three-way view (common, local and package text, each side's diff), or null. */
  'conflict:get': channel(byId, z.custom<ConflictView | null>()),
  /**
   * Settles the pending conflict with a choice per field (and text typed by hand): saves the merged text over
   * baseRevision (`conflict` when stale), takes a 'merge' version and records the resolution; returns the article.
   */
  'conflict:resolve': channel(
    z
      .object({
        id: articleIdSchema,
        conflictId: conflictIdSchema,
        baseRevision: z.number().int().nonnegative(),
        choices: conflictChoicesSchema,
      })
      .strict(),
    articleSchema,
  ),
  /** Names used before in bylines and photo credits, for completion. */
  'people:names': channel(empty, z.array(z.string())),
  /** The words of the library's spelling dictionary, alphabetical, with who added each and when. */
  'dictionary:list': channel(empty, z.array(dictionaryEntrySchema)),
  /** Adds one word to the dictionary (NFC, trimmed, letters only); answers its entry, the earlier one if it was there. */
  'dictionary:add': channel(z.object({ word: dictionaryWordSchema }).strict(), dictionaryEntrySchema),
  /** Takes a word (in any case) out of the dictionary, deleting its file; answers the entry removed, `not-found` when absent. */
  'dictionary:remove': channel(z.object({ word: dictionaryWordSchema }).strict(), dictionaryEntrySchema),
  /**
   * The words other articles of the library use that the spelling check would flag (names, loan words), lower case:
   * known to this article's check. Read from every article once per session, so the first answer may take a moment.
   */
  'spelling:knownWords': channel(byId, z.array(z.string())),
  /** Reads the settings. */
  'settings:get': channel(empty, settingsSchema),
  /** Changes some settings and returns them all. */
  'settings:update': channel(settingsSchema.partial().strict(), settingsSchema),
  /**
   * "Chọn logo…" for the agency's template: asks for an image and gives it back re-encoded as a PNG data URI of at most
   * 600 × 200 px (not stored until the settings are saved); a file that is not a readable image is an `invalid-media` error.
   */
  'template:chooseLogo': channel(
    empty,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), logo: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  ),
  /**
   * "Chọn tệp CSS…" for the agency's template: asks for a stylesheet, gives back its sanitized text and what the
   * sanitizer took out (imports, remote url(), script-like values), each as a short line; not stored until saved.
   */
  'template:chooseStylesheet': channel(
    empty,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), fileName: z.string(), stylesheet: z.string(), removed: z.array(z.string()) }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  ),
  /**
   * "Xem thử mẫu": a short sample article rendered with this template, not yet saved (its stylesheet sanitized as when
   * saved), as the preview shows an article: a page that runs no script and loads nothing remote.
   */
  'template:preview': channel(z.object({ exportTemplate: exportTemplateSchema }).strict(), z.object({ html: z.string() })),
  /** The shared library's server, user name and whether a password or token is saved (never the secret itself). */
  'sharedLibrary:get': channel(empty, sharedLibraryViewSchema),
  /** Saves the shared library's connection; the secret is encrypted (safeStorage) or, where it cannot be, not stored. */
  'sharedLibrary:save': channel(sharedLibraryConnectionSchema, sharedLibraryViewSchema),
  /** Tries the server (read, then push permission, writing nothing) and says what is wrong, if anything. */
  'sharedLibrary:testConnection': channel(sharedLibraryConnectionSchema, connectionTestResultSchema),
  /** The status line: joined or not, syncing (with progress), last sync, changes waiting, conflicts, what went wrong. */
  'sharedLibrary:status': channel(empty, syncStatusSchema),
  /** Joins the shared library at the saved address: takes the server's library in and merges this one into it. */
  'sharedLibrary:join': channel(empty, syncOutcomeSchema),
  /** "Đồng bộ ngay": commits what changed here, takes the server's changes in, pushes; a failure is in the status. */
  'sharedLibrary:syncNow': channel(empty, syncOutcomeSchema),
  /** Lists the complete backup snapshots, newest first. */
  'backup:list': channel(empty, z.array(backupEntrySchema)),
  /** Takes a backup snapshot now and returns it. */
  'backup:createNow': channel(empty, backupEntrySchema),
  /** Snapshots the current library, then replaces it with a snapshot; the renderer reloads afterwards. */
  'backup:restore': channel(z.object({ id: backupIdSchema }).strict(), z.object({ restored: z.literal(true) })),
  /** Whether the last background backup failed, and why. */
  'backup:status': channel(empty, backupStatusSchema),
  /** The app version and where the library lives on disk. */
  'app:info': channel(empty, z.object({ version: z.string(), dataDirectory: z.string() })),
  /** The renderer has flushed its pending saves; the window may close. */
  'app:closeReady': channel(empty, empty),
  /** Damaged files quarantined since start-up, where they went and what was loaded instead. */
  'app:notices': channel(empty, z.array(recoveryNoticeSchema)),
  /** How far opening the library has got (answered at once; every other channel waits until the library is open). */
  'app:startup': channel(empty, startupStatusSchema),
  /** Tries again to open a library that failed to open; answers how opening stands. */
  'app:retryOpen': channel(empty, startupStatusSchema),
} satisfies Record<IpcChannel, ChannelContract<z.ZodType, z.ZodType>>;

export type IpcContract = typeof ipcContract;
export type RequestOf<Channel extends IpcChannel> = z.input<IpcContract[Channel]['request']>;
export type ParsedRequestOf<Channel extends IpcChannel> = z.output<IpcContract[Channel]['request']>;
export type ResultOf<Channel extends IpcChannel> = z.output<IpcContract[Channel]['result']>;

/** What every channel returns across the boundary: a value or an error, as data. */
export type Envelope<Value> = { ok: true; value: Value } | { ok: false; error: AppErrorData };

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** The raw API the preload exposes: one function per channel, each resolving to an envelope. */
export type PreloadApi = {
  [Channel in IpcChannel as ApiName<Channel>]: (request: RequestOf<Channel>) => Promise<Envelope<ResultOf<Channel>>>;
} & {
  /** Subscribes to the window's close request; returns the unsubscribe function. */
  onAppBeforeClose: (listener: () => void) => () => void;
  /** Main is about to receive a package opened outside the window: the listener gets the request id to answer. */
  onPackageReceiving: (listener: (requestId: unknown) => void) => () => void;
  /** What receiving a package opened outside the window did (unchecked here: see isPackageReceivedReport). */
  onPackageReceived: (listener: (report: unknown) => void) => () => void;
  /** What a sync did, after it ran (unchecked here: see isSyncOutcome). */
  onSharedLibrarySynced: (listener: (outcome: unknown) => void) => () => void;
  /** The URL the renderer may show a stored photo from (a custom protocol in Electron, the bridge in tests). */
  mediaUrl: (mediaId: string) => string;
};

/** The handler table: one async function per channel, served by Electron's ipcMain and by the test bridge alike. */
export type HandlerTable = {
  [Channel in IpcChannel]: (request: ParsedRequestOf<Channel>) => Promise<ResultOf<Channel>>;
};
