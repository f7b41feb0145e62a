import type { LibraryStores } from '../library/openLibrary';
import type { LibrarySearch } from '../search/LibrarySearch';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import { ArticleService } from './ArticleService';
import { backupsFollowChanges } from './backupsFollowChanges';
import type { Dialogs } from './Dialogs';
import { BatchExportService } from './BatchExportService';
import { CmsExportService } from './CmsExportService';
import { unavailableClipboard, type Clipboard } from './Clipboard';
import { ExportService } from './ExportService';
import type { Printer } from './Printer';
import type { LibraryChange } from './LibraryChange';
import { LibraryEvents } from './LibraryEvents';
import { PackageService } from './PackageService';
import { PhotoService } from './PhotoService';
import { searchFollowsChanges } from './searchFollowsChanges';
import { SettingsService } from './SettingsService';
import { TemplateService } from './TemplateService';
import { WorkflowService } from './WorkflowService';
import { VersionService } from './VersionService';
import { CommentService } from './CommentService';
import { ConflictService } from './ConflictService';
import { versionsFollowChanges } from './versionsFollowChanges';
import { WordImportService } from './WordImportService';
import { DictionaryService } from './DictionaryService';
import { LibraryWords } from './LibraryWords';
import { SpellingWordsCache } from '../storage/SpellingWordsCache';
import { libraryWordsFollowChanges } from './libraryWordsFollowChanges';

/** The stores of an open library folder and its search index (a cache kept beside them). */
export type OpenLibrary = LibraryStores & { search: LibrarySearch };

/** The application layer over one opened library: every change goes through these services. */
export interface LibraryApplication {
  readonly library: OpenLibrary;
  readonly events: LibraryEvents;
  readonly articles: ArticleService;
  readonly photos: PhotoService;
  readonly exports: ExportService;
  /** Several articles exported into one folder ("Xuất các bài đã chọn…"). */
  readonly batchExports: BatchExportService;
  readonly settings: SettingsService;
  readonly template: TemplateService;
  readonly workflow: WorkflowService;
  readonly versions: VersionService;
  readonly comments: CommentService;
  readonly packages: PackageService;
  readonly conflicts: ConflictService;
  readonly wordImports: WordImportService;
  /** The preview of the export and the copy for the website's CMS. */
  readonly cms: CmsExportService;
  readonly dictionary: DictionaryService;
  /** The words the articles use that the spelling check would flag (names, loan words). */
  readonly libraryWords: LibraryWords;
}

export interface LibraryApplicationOptions {
  dialogs: Dialogs;
  /** The system clipboard "Sao chép cho CMS" writes to; without one, copying says it cannot. */
  clipboard?: Clipboard;
  /** The system print dialog "In / PDF" opens; without one, printing says it cannot. */
  printer?: Printer;
  /** This build's version, written into review packages. */
  appVersion: string;
  /** Told of each change that may take a snapshot (see backupsFollowChanges). */
  backups: { noteChange(): void };
  writeOptions?: DurableWriteOptions;
  now?: () => Date;
  /** Background work a subscriber started failed (a version not taken): logged, the change itself stands. */
  onBackgroundFailure?: (context: string, error: unknown) => void;
  /** A subscriber that threw (a bug: subscribers start their own work and report their own failures). */
  onSubscriberError: (error: unknown, change: LibraryChange) => void;
}

/** Builds the services over an opened library and subscribes what every change sets off. */
export function createLibraryApplication(library: OpenLibrary, options: LibraryApplicationOptions): LibraryApplication {
  const events = new LibraryEvents(options.onSubscriberError);
  const versions = new VersionService(library, events, options.now);
  events.subscribe(searchFollowsChanges(library.search));
  events.subscribe(backupsFollowChanges(options.backups));
  events.subscribe(versionsFollowChanges(versions, (error) => options.onBackgroundFailure?.('không lưu được phiên bản', error)));
  const conflicts = new ConflictService(library, events, versions, options.now);
  const libraryWords = new LibraryWords(library.store, new SpellingWordsCache(library.layout.library.spellingWords, options.writeOptions));
  events.subscribe(libraryWordsFollowChanges(libraryWords));
  return {
    library,
    events,
    articles: new ArticleService(library, events),
    photos: new PhotoService(library.media, options.dialogs, events),
    exports: new ExportService(library, options.dialogs, events, options.writeOptions, options.printer),
    batchExports: new BatchExportService(library, options.dialogs, events, options.writeOptions),
    cms: new CmsExportService(library, options.dialogs, events, options.clipboard ?? unavailableClipboard, options.writeOptions),
    settings: new SettingsService(library.settings, events),
    template: new TemplateService(options.dialogs),
    workflow: new WorkflowService(library, events, options.now, (context, error) => options.onBackgroundFailure?.(context, error)),
    versions,
    comments: new CommentService(library, events, options.now),
    packages: new PackageService(library, options.dialogs, events, versions, conflicts, {
      appVersion: options.appVersion,
      writeOptions: options.writeOptions,
      now: options.now,
    }),
    conflicts,
    wordImports: new WordImportService(library.media, options.dialogs, events),
    dictionary: new DictionaryService(library, events, options.now),
    libraryWords,
  };
}
