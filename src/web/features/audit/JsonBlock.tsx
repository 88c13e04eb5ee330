// A read-only, scrollable, pretty-printed JSON value (used for audit before/after).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  const text = value === null || value === undefined ? null : JSON.stringify(value, null, 2);
  return (
    <div style={{ minWidth: 0, flex: 1 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {text === null ? (
        <Typography.Paragraph type="secondary">{t('audit.empty')}</Typography.Paragraph>
      ) : (
        <pre style={{ margin: '4px 0 0', padding: 12, background: '#f6f8fa', borderRadius: 6, maxHeight: 360, overflow: 'auto', fontSize: '0.85em', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {text}
        </pre>
      )}
    </div>
  );
}
