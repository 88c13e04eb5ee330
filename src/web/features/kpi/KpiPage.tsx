// The appeal KPI page (诉求考核指标): rates by group, charts, ranking and exports.
import { PageTitle } from '../../components/PageTitle.tsx';

export default function KpiPage() {
  return (
    <div data-testid="page-kpi">
      <PageTitle title="诉求考核指标" />
    </div>
  );
}
