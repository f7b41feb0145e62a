import { useMessages } from '../i18n/MessagesContext';

/** What a preview shows: nothing yet, main's page, or why it could not be made. */
export type PreviewPage = { html: string } | { error: string } | null;

/**
 * An export page rendered by main, in a frame that runs no script, loads nothing remote (the page's own policy, and
 * the window's it inherits) and cannot navigate away; "Xem trước" and "Xem thử mẫu" both show theirs in it.
 */
export function PreviewFrame({ page, title }: { page: PreviewPage; title: string }) {
  const messages = useMessages();
  return (
    <div className="preview-body">
      {page === null && <p className="muted">{messages.cms.previewLoading}</p>}
      {page !== null && 'error' in page && (
        <p className="error" role="alert">
          {page.error}
        </p>
      )}
      {page !== null && 'html' in page && (
        // sandbox="": no script, no same origin, no pop-ups, no top navigation; srcdoc: nothing is fetched to show it.
        <iframe className="preview-frame" title={title} sandbox="" srcDoc={page.html} referrerPolicy="no-referrer" />
      )}
    </div>
  );
}
