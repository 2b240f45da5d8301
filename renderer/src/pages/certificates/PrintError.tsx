import { Alert } from 'antd';
import type { ApiErrorValue } from '../../../../electron/api/contract';
import { useI18n } from '../../i18n';

/** A refusal in the user's language, with every problem it lists (e.g. each character the font lacks, and where). */
export function PrintError({ error }: { error: ApiErrorValue }) {
  const { t, lang } = useI18n();
  const problems = error.problems ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 16 }}
      title={lang === 'zh' ? error.zh : error.message}
      description={problems.length > 0 && (
        <details>
          <summary>{t('certificates.problems')} ({problems.length})</summary>
          <ul>
            {problems.map((p, i) => <li key={i}>{p.row ? `#${p.row} ` : ''}{lang === 'zh' ? p.zh : p.en}</li>)}
          </ul>
        </details>
      )}
    />
  );
}
