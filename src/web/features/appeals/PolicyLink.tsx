// 政策兑现: the policy an appeal is about — a link for everyone who sees the appeal, and for the dispatcher or lead department a search to set or clear it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppealView } from '../../../shared/schemas/appeals.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { fetchPolicies, policyKeys } from '../policies/api.ts';
import { appealKeys, linkAppealPolicy } from './api.ts';

export function PolicyLink({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canLink = appeal.abilities.includes('link-policy');
  const staff = appeal.abilities.includes('view-internal');
  const [editing, setEditing] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(appeal.policyId);
  const options = useQuery({
    queryKey: policyKeys.list({ q: search, status: 'published' }, 1, 20),
    queryFn: () => fetchPolicies({ q: search, status: 'published' }, 1, 20),
    enabled: editing,
  });
  const save = useMutation({
    mutationFn: (policyId: string | null) => linkAppealPolicy(appeal.id, policyId),
    onSuccess: (updated) => {
      queryClient.setQueryData(appealKeys.detail(appeal.id), updated);
      void queryClient.invalidateQueries({ queryKey: appealKeys.events(appeal.id) });
      void message.success(t(updated.policyId ? 'appeals.policyLink.saved' : 'appeals.policyLink.cleared'));
      setEditing(false);
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  const current = appeal.policyId ? (
    <Link to={staff ? `/policies/${appeal.policyId}` : '/my/policies'} data-testid="appeal-policy">
      {appeal.policyTitle}
    </Link>
  ) : (
    <span data-testid="appeal-policy">{t('appeals.policyLink.none')}</span>
  );
  if (!canLink) return current;
  if (!editing) {
    return (
      <Flex gap={8} wrap align="center">
        {current}
        <Button size="small" type="link" onClick={() => setEditing(true)} data-testid="appeal-policy-edit">
          {appeal.policyId ? t('appeals.policyLink.edit') : t('appeals.policyLink.choose')}
        </Button>
      </Flex>
    );
  }
  const items = options.data?.items ?? [];
  const known = appeal.policyId && !items.some((p) => p.id === appeal.policyId) ? [{ value: appeal.policyId, label: appeal.policyTitle ?? appeal.policyId }] : [];
  return (
    <Flex vertical gap={8} data-testid="appeal-policy-form">
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch }}
        allowClear
        value={chosen ?? undefined}
        onChange={(value: string | undefined) => setChosen(value ?? null)}
        placeholder={t('appeals.policyLink.search')}
        loading={options.isFetching}
        options={[...known, ...items.map((p) => ({ value: p.id, label: `${p.title}（${p.documentNumber}）` }))]}
        style={{ minWidth: 220 }}
        data-testid="appeal-policy-select"
      />
      <Flex gap={8}>
        <Button type="primary" size="small" loading={save.isPending} disabled={chosen === appeal.policyId} onClick={() => save.mutate(chosen)} data-testid="appeal-policy-save">
          {chosen === null ? t('appeals.policyLink.clear') : t('appeals.policyLink.save')}
        </Button>
        <Button size="small" onClick={() => { setChosen(appeal.policyId); setEditing(false); }}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
