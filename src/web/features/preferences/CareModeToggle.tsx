// The care-mode (关爱模式) switch shown in the header and on the login page.
import { HeartOutlined } from '@ant-design/icons';
import { Space, Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './PreferencesProvider.tsx';

export function CareModeToggle({ showLabel = true }: { showLabel?: boolean }) {
  const { t } = useTranslation();
  const { careMode, setCareMode } = usePreferences();
  const labelId = useId();
  return (
    <Space size={6} title={t('header.careModeHint')}>
      <Switch
        data-testid="care-toggle"
        aria-labelledby={showLabel ? labelId : undefined}
        aria-label={showLabel ? undefined : t('header.careMode')}
        checked={careMode}
        onChange={setCareMode}
        checkedChildren={<HeartOutlined />}
      />
      {showLabel && (
        <label id={labelId} style={{ cursor: 'pointer', whiteSpace: 'nowrap' }} onClick={() => setCareMode(!careMode)}>
          {t('header.careMode')}
        </label>
      )}
    </Space>
  );
}
