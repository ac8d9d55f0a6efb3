import { useTranslation } from 'react-i18next';
import type { WorkshopComment } from '../../domain/workshops/workshopProtocol';

/**
 * The comments as a list: the text alternative of the pins on the model. Text is rendered by React as text,
 * never as HTML, so markup in a comment shows as the characters typed.
 */
export function WorkshopCommentList({
  comments,
  onToggleHidden,
}: {
  comments: readonly WorkshopComment[];
  onToggleHidden?: (comment: WorkshopComment) => void;
}) {
  const { t } = useTranslation();
  if (comments.length === 0) return <p className="note">{t('workshop.noComments')}</p>;
  return (
    <ol className="workshop-comments">
      {comments.map((comment, index) => (
        <li
          key={comment.id}
          data-comment-id={comment.id}
          className={comment.hidden ? 'hidden-comment' : undefined}
        >
          <span className="workshop-pin-number" aria-hidden="true">
            {index + 1}
          </span>
          <div>
            <p className="workshop-comment-meta">
              {t('workshop.commentBy', { name: comment.displayName, step: comment.stepIndex + 1 })}
              {comment.hidden && ` · ${t('workshop.hiddenMark')}`}
            </p>
            <p className="workshop-comment-text">{comment.text}</p>
            {onToggleHidden && (
              <button
                type="button"
                className="workshop-button"
                onClick={() => onToggleHidden(comment)}
                aria-label={t(comment.hidden ? 'workshop.showCommentOf' : 'workshop.hideCommentOf', {
                  name: comment.displayName,
                })}
              >
                {t(comment.hidden ? 'workshop.showComment' : 'workshop.hideComment')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
