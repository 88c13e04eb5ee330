// The leader dashboard (驾驶舱): the tiles it will show, empty until real appeal data exists.
import { Alert, Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-me.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';

/** The "三率" and the volume figures, most important first (care mode shows the first four). */
const tiles = ['onTimeResponse', 'resolution', 'satisfaction', 'followUp', 'volume', 'overdue'] as const;

export function LeaderDashboardPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { user } = useSession();
  const { settings } = usePreferences();
  const shown = settings.showSecondary ? tiles : tiles.slice(0, 4);
  return (
    <div data-testid="page-dashboard">
      <Card style={{ marginBottom: 16 }} variant="borderless">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.welcome', { name: user.displayName })}</h2>
        <Alert type="info" showIcon title={tc('dashboard.notYet')} />
      </Card>
      <Row gutter={[16, 16]}>
        {shown.map((tile) => (
          <Col xs={24} sm={12} xl={8} key={tile}>
            <Card data-testid={`dashboard-tile-${tile}`}>
              <Statistic title={tc(`dashboard.tiles.${tile}`)} value="—" suffix={<Tag style={{ marginInlineStart: 8 }}>{t('common.comingSoon')}</Tag>} />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
