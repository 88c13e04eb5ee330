// Internal notes of staff on an appeal (never shown to enterprises): the list and, for those working it, a box to add one.
import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { addAppealNote, appealKeys, fetchAppealNotes } from './api.ts';

export function NotesPanel({ appealId, canAdd }: { appealId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const { data, error, refetch } = useQuery({ queryKey: appealKeys.notes(appealId), queryFn: () => fetchAppealNotes(appealId) });
  const add = useMutation({
    mutationFn: () => addAppealNote(appealId, draft.trim()),
    onSuccess: () => {
      setDraft('');
      void queryClient.invalidateQueries({ queryKey: appealKeys.notes(appealId) });
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });
  const notes = data?.items ?? [];
  return (
    <Flex vertical gap={12} data-testid="appeal-notes">
      <Typography.Text type="secondary">
        <LockOutlined /> {t('appeals.notes.hint')}
      </Typography.Text>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appeals.notes.empty')} />
      ) : (
        <List
          size="small"
          dataSource={notes}
          renderItem={(note) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                    {[note.authorName, note.authorUnitName, formatDateTime(note.createdAt, locale)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                }
                description={<Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', color: 'inherit' }}>{note.content}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
      {canAdd && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={10_000} placeholder={t('appeals.notes.placeholder')} data-testid="note-input" />
          <Button style={{ alignSelf: 'flex-end' }} disabled={!draft.trim()} loading={add.isPending} onClick={() => add.mutate()} data-testid="note-add">
            {t('appeals.notes.add')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
