// Full-page results for "no permission" (403) and "page not found" (404), with a way back home.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ForbiddenResult() {
  const { t } = useTranslation();
  return (
    <Result status="403" title={t('layout.forbiddenTitle')} subTitle={t('layout.forbiddenText')} extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>} />
  );
}

export function NotFoundResult() {
  const { t } = useTranslation();
  return (
    <Result status="404" title={t('layout.notFoundTitle')} subTitle={t('layout.notFoundText')} extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>} />
  );
}
