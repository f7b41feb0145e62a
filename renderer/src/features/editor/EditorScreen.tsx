import { useEffect, useState } from 'react';
import type { Article } from '../../../../shared/articleModel';
import type { Identity } from '../../../../shared/identity';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { ArticleForm } from './ArticleForm';
import type { EditorPlace } from './editorPlace';

export interface EditorScreenProps {
  articleId: string;
  onBack: () => void;
  onOpenArticle: (articleId: string) => void;
  /** Who is editing (null until named in Cài đặt): their role decides the workflow moves offered. */
  identity: Identity | null;
  showToast: (toast: ToastMessage) => void;
  /** Open the three-way view of the article's pending conflict once it is shown. */
  openConflict?: boolean;
}

/** Loads one article and shows its form; a load failure sends the user back with the reason. */
export function EditorScreen({ articleId, onBack, onOpenArticle, identity, showToast, openConflict = false }: EditorScreenProps) {
  const messages = useMessages();
  const [article, setArticle] = useState<Article | null>(null);
  const [place, setPlace] = useState<EditorPlace | null>(null);

  useEffect(() => {
    let current = true;
    api
      .articleGet({ id: articleId })
      .then((loaded) => current && setArticle(loaded))
      .catch((error: unknown) => {
        showToast({ text: describeError(messages, error), tone: 'error' });
        onBack();
      });
    return () => {
      current = false;
    };
  }, [articleId]); // eslint-disable-line react-hooks/exhaustive-deps -- load once per article

  if (article === null) return <p className="muted loading">{messages.loading}</p>;
  // Keyed by revision: a version restored or a received package (onRestored) rebuilds the form from the new article.
  return (
    <ArticleForm
      key={article.revision}
      article={article}
      onBack={onBack}
      onOpenArticle={onOpenArticle}
      identity={identity}
      showToast={showToast}
      onRestored={(next, nextPlace) => {
        setPlace(nextPlace ?? null);
        setArticle(next);
      }}
      place={place}
      openConflict={openConflict}
    />
  );
}
