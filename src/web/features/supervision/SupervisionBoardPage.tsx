// The supervisors' board (督办看板): measures by department and handler, and the supervision items.
import { PageTitle } from '../../components/PageTitle.tsx';

export default function SupervisionBoardPage() {
  return (
    <div data-testid="page-supervision">
      <PageTitle title="督办看板" />
    </div>
  );
}
