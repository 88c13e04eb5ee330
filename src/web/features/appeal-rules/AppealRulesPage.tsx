// The administrators' appeal rules page (诉求规则): stage clocks and the routing catalogue.
import { PageTitle } from '../../components/PageTitle.tsx';

export default function AppealRulesPage() {
  return (
    <div data-testid="page-appeal-rules">
      <PageTitle title="诉求规则" />
    </div>
  );
}
