// Duplicate suggestions: open appeals like the one being typed (or viewed), asked for after a pause in typing; optional "merge into" buttons.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { similarAppealView } from '../../../shared/schemas/appeals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { appealKeys, fetchSimilarAppeals, type SimilarInput } from './api.ts';
import { StatusTag } from './StatusTag.tsx';

type Similar = z.infer<typeof similarAppealView>;

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Enough text to compare: a few characters of title or content. */
export const worthAsking = (input: SimilarInput) => (input.title ?? '').trim().length + (input.content ?? '').trim().length >= 4;

export function SimilarAppeals({ input, onMerge, mergingId }: { input: SimilarInput; onMerge?: (item: Similar) => void; mergingId?: string | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const debounced = useDebounced(input, 500);
  const { data, isFetching } = useQuery({
    queryKey: appealKeys.similar(debounced),
    queryFn: () => fetchSimilarAppeals(debounced),
    enabled: worthAsking(debounced),
    staleTime: 30_000,
  });
  const items = data?.items ?? [];
  if (!worthAsking(debounced) || (items.length === 0 && !isFetching)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="similar-appeals"
      title={t('appeals.similar.title', { count: items.length })}
      description={
        <List
          size="small"
          loading={isFetching && items.length === 0}
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              data-testid={`similar-${item.number}`}
              actions={
                onMerge
                  ? [
                      <Button key="merge" size="small" onClick={() => onMerge(item)} loading={mergingId === item.id}>
                        {t('appeals.similar.mergeInto')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Link to={`/appeals/${item.id}`} target="_blank">
                    {item.title}
                  </Link>
                  <StatusTag status={item.status} />
                  {item.sameEnterprise && <Tag color="orange">{t('appeals.similar.sameEnterprise')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                  {item.number} · {formatDateTime(item.submittedAt, locale)}
                  {item.sharedTerms.length > 0 ? ` · ${t('appeals.similar.shared', { terms: item.sharedTerms.slice(0, 6).join('、') })}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      }
    />
  );
}
