// Translated names of everything an appeal shows: statuses, channels, actions, timeline steps, clocks, resolutions, ratings, categories.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/schemas/index.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

export function useAppealLabels() {
  const { t, i18n } = useTranslation();
  const tc = useCareText();
  const { locale } = usePreferences();
  const known = useCallback((key: string, fallback: string) => (i18n.exists(key) ? tc(key) : fallback), [i18n, tc]);
  const category = useCallback(
    (view: Pick<CategoryView, 'name' | 'names'> | undefined, fallback: string | null = null) => (view ? (view.names[locale] ?? view.name) : (fallback ?? '—')),
    [locale],
  );
  return useMemo(
    () => ({
      status: (status: string) => known(`appeals.status.${status}`, status),
      channel: (channel: string) => known(`appeals.channels.${channel}`, channel),
      action: (action: string) => known(`appeals.actions.${action}`, action),
      event: (action: string) => known(`appeals.events.${action}`, t('appeals.events.other', { action })),
      clock: (clock: string) => known(`appeals.clocks.${clock}`, clock),
      resolution: (resolution: string) => known(`appeals.resolutions.${resolution}`, resolution),
      rating: (rating: number | null | undefined) => (rating ? known(`appeals.ratings.${rating}`, String(rating)) : '—'),
      urgency: (urgency: string) => known(`appeals.urgencies.${urgency}`, urgency),
      category,
    }),
    [known, t, category],
  );
}

export type AppealLabels = ReturnType<typeof useAppealLabels>;
