import { useEffect, useState } from 'react';
import type { Article } from '../../../../shared/articleModel';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { ArticleForm } from './ArticleForm';

export interface EditorScreenProps {
  articleId: string;
  onBack: () => void;
  onOpenArticle: (articleId: string) => void;
  showToast: (toast: ToastMessage) => void;
}

/** Loads one article and shows its form; a load failure sends the user back with the reason. */
export function EditorScreen({ articleId, onBack, onOpenArticle, showToast }: EditorScreenProps) {
  const messages = useMessages();
  const [article, setArticle] = useState<Article | null>(null);

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
  return <ArticleForm article={article} onBack={onBack} onOpenArticle={onOpenArticle} showToast={showToast} />;
}
