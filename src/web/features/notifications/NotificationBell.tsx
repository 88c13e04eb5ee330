// The bell in the header: unread count (polled every 60 s), a dropdown of recent notifications, mark read, open the appeal.
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAppealLabels } from '../appeals/use-appeal-labels.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { fetchNotifications, fetchUnreadCount, markAllNotificationsRead, markNotificationRead, notificationKeys, type NotificationView } from './api.ts';
import { notificationTitle, safeLink } from './notification-text.ts';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { locale } = usePreferences();
  const labels = useAppealLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(true);
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: fetchUnreadCount, refetchInterval: 60_000, refetchIntervalInBackground: false, retry: false });
  const list = useQuery({ queryKey: notificationKeys.list(unreadOnly), queryFn: () => fetchNotifications(unreadOnly), enabled: open });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });

  const openItem = (item: NotificationView) => {
    if (!item.readAt) markRead.mutate(item.id);
    const link = safeLink(item.link);
    setOpen(false);
    if (link) navigate(link);
  };

  const count = unread.data?.count ?? 0;
  const content = (
    <Flex vertical gap={8} style={{ width: 'min(360px, 86vw)' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" gap={8}>
        <Segmented<'unread' | 'all'>
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'unread', label: t('notifications.unread') },
            { value: 'all', label: t('notifications.all') },
          ]}
        />
        <Button size="small" type="link" disabled={count === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <List
        size="small"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(item) => (
          <List.Item
            style={{ cursor: 'pointer', alignItems: 'flex-start', background: item.readAt ? undefined : '#f0f5ff', paddingInline: 8 }}
            onClick={() => openItem(item)}
            data-testid="notification-item"
            actions={
              item.readAt
                ? undefined
                : [
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={(event) => {
                        event.stopPropagation();
                        markRead.mutate(item.id);
                      }}
                    >
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text strong={!item.readAt} style={{ wordBreak: 'break-word' }}>
                {notificationTitle(item, t, (key) => i18n.exists(key), { clock: labels.clock, time: (iso) => formatDateTime(iso, locale) })}
              </Typography.Text>
              {typeof item.data.title === 'string' && (
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }} ellipsis>
                  {item.data.title}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: '0.8em' }}>
                {formatDateTime(item.createdAt, locale)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );

  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.bellLabel', { count })} data-testid="notification-bell" style={{ paddingInline: 8 }}>
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 20 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
