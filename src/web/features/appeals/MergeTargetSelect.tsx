// Picks the open appeal to merge into: the duplicate suggestions first, or any open appeal found by number or words.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openStates, type AppealView } from '../../../shared/schemas/appeals.ts';
import { appealKeys, fetchAppeals, fetchSimilarAppeals } from './api.ts';
import { useDebounced } from './SimilarAppeals.tsx';

interface Props {
  id?: string;
  appeal: AppealView;
  value?: string;
  onChange?: (value: string | undefined) => void;
}

export function MergeTargetSelect({ id, appeal, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const similarInput = { title: appeal.title, content: appeal.content.slice(0, 2000), enterpriseId: appeal.enterpriseId ?? undefined, excludeId: appeal.id };
  const similar = useQuery({ queryKey: appealKeys.similar(similarInput), queryFn: () => fetchSimilarAppeals(similarInput) });
  const filters = { q, status: [...openStates] };
  const found = useQuery({ queryKey: appealKeys.list(filters, 1, 20), queryFn: () => fetchAppeals(filters, 1, 20), enabled: q.length >= 2 });
  const seen = new Set<string>([appeal.id]);
  const options = [...(q ? (found.data?.items ?? []) : []), ...(similar.data?.items ?? [])]
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .map((item) => ({ value: item.id, label: `${item.number} ${item.title}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={similar.isFetching || found.isFetching}
      placeholder={t('appeals.form.intoPlaceholder')}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
      data-testid="action-into"
    />
  );
}
