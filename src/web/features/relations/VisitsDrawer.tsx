// The visits of one assignment, newest first, with the appeal each one raised.
import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssignmentView } from '../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fetchVisits, relationKeys } from './api.ts';
import './messages.ts';

export function VisitsDrawer({ assignment, onClose }: { assignment: AssignmentView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, error, isFetching } = useQuery({
    queryKey: relationKeys.visits(assignment?.id ?? ''),
    queryFn: () => fetchVisits(assignment!.id),
    enabled: assignment !== null,
  });
  return (
    <Drawer open={assignment !== null} onClose={onClose} title={`${t('relations.visits')} · ${assignment?.enterpriseName ?? assignment?.projectName ?? ''}`} size="large">
      <ErrorAlert error={error} />
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('relations.noVisits')} /> }}
        renderItem={(visit) => (
          <List.Item>
            <List.Item.Meta
              title={`${visit.visitedOn} · ${visit.visitorName}${visit.metWith ? ` · ${t('relations.metWith')}：${visit.metWith}` : ''}`}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{visit.findings}</Typography.Paragraph>
                  {visit.appealId && (
                    <Link to={`/appeals/${visit.appealId}`}>
                      {t('relations.appeal')} {visit.appealNumber}
                    </Link>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
