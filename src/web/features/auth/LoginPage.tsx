// The login page: product name and tagline, username + password, language and care-mode switches, the way to an enterprise account.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MeResponse } from '../../../shared/schemas/index.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { humanizeTimestamps } from '../../lib/format.ts';
import { CareModeToggle } from '../preferences/CareModeToggle.tsx';
import { LanguageSwitch } from '../preferences/LanguageSwitch.tsx';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { fetchMe, login, meQueryKey } from './api.ts';
import { homePathFor } from './role-home.ts';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login (never `//evil.example`). */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { careMode, locale } = usePreferences();
  const [form] = Form.useForm<LoginValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ title: string; description?: string } | null>(null);

  const cached = queryClient.getQueryData<MeResponse>(meQueryKey);
  if (cached) return <Navigate to={homePathFor(cached.user.roles)} replace />;

  async function submit(values: LoginValues) {
    setSubmitting(true);
    setFailure(null);
    try {
      await login(values.username.trim(), values.password);
      const me = await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
      navigate(safeNextPath(searchParams.get('next')) ?? homePathFor(me.user.roles), { replace: true });
    } catch (error) {
      form.setFieldValue('password', '');
      if (isApiError(error) && error.code === 'invalid_credentials') {
        setFailure({ title: t('login.invalidCredentials'), description: humanizeTimestamps(error.message, locale) });
      } else if (isApiError(error) && error.code === 'rate_limited') {
        setFailure({ title: t('login.locked'), description: humanizeTimestamps(error.message, locale) });
      } else if (!applyFieldErrors(form, error)) {
        setFailure({ title: errorMessage(error, t) });
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #fdf1f1 0%, #eef3fb 55%, #f5f6f8 100%)' }}>
      <Flex justify="flex-end" align="center" gap={16} wrap style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
        <CareModeToggle />
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '4vh 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: careMode ? 560 : 420 }} variant="borderless">
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <Typography.Title level={1} style={{ margin: 0, color: '#c8102e', letterSpacing: 4 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {tc('app.tagline')}
            </Typography.Text>
          </Flex>
          {failure && (
            <Alert type="error" showIcon role="alert" title={failure.title} description={failure.description} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting} size="large">
            <Form.Item name="username" label={tc('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item name="password" label={tc('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
              {tc('login.submit')}
            </Button>
          </Form>
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Link to="/register/enterprise" data-testid="login-register-enterprise">
              {tc('login.registerEnterprise')}
            </Link>
          </Flex>
        </Card>
      </Flex>
    </Flex>
  );
}
