// A red banner for a failed call, worded by errorMessage; renders nothing when there is no error.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message.ts';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error, t)}
      action={onRetry ? <a onClick={onRetry}>{t('common.retry')}</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
