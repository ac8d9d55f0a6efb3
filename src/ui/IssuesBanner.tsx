import { useTranslation } from 'react-i18next';
import { useTwinStore } from '../store/StoreContext';

/** Problems in the config file or scene documents, each naming file and field, so an admin can fix them. */
export function IssuesBanner() {
  const { t } = useTranslation();
  const issues = useTwinStore((state) => state.issues);
  if (issues.length === 0) return null;
  return (
    <div className="issues-banner" role="alert">
      <h2>{t('issues.heading')}</h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.file}${issue.path}${index}`}>
            {issue.code === 'load_failed'
              ? t('issues.loadFailed', { file: issue.file, message: issue.message })
              : t('issues.item', { file: issue.file, path: issue.path, message: issue.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}
