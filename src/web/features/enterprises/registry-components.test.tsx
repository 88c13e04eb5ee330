// @vitest-environment jsdom
// Component tests of the registry pages with a faked API: inline credit-code check and server errors at the field, tags by ability, the detail's size basis and figures, the import steps with a polled job.
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { EnterpriseView } from '../../../shared/schemas/enterprises.ts';
import { makeUscc } from '../../../shared/uscc.ts';
import { CreateEnterpriseForm } from './EnterpriseCreatePage.tsx';
import { EnterpriseDetail } from './EnterpriseDetail.tsx';
import EnterpriseImportPage from './EnterpriseImportPage.tsx';
import EnterpriseListPage from './EnterpriseListPage.tsx';
import './messages.ts';
import { renderSignedIn } from '../../test-support/render-signed-in.tsx';
import { useFakeApi, type ApiHandler as Handler } from '../../test-support/fake-api.ts';

// antd renders slowly in jsdom and the machine is shared: generous time per test.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const calls = api.calls;

const renderWith = (ui: ReactNode, { abilities = [] as string[], path = '/' } = {}) =>
  renderSignedIn(ui, { username: 'dispatcher', displayName: '受理交办员', roles: ['dispatcher'], abilities, path });

const referenceAnswers: Handler = ({ url }) => {
  if (url.pathname === '/api/v1/reference/divisions') {
    const parent = url.searchParams.get('parent') ?? '';
    const items = { '': [{ code: '33', name: '浙江省' }], '33': [{ code: '3305', name: '湖州市' }], '3305': [{ code: '330502', name: '吴兴区' }] }[parent] ?? [];
    return { status: 200, body: { items } };
  }
  if (url.pathname === '/api/v1/reference/industries') {
    return { status: 200, body: { items: [{ code: 'C', name: '制造业', children: [{ code: '18', name: '纺织服装、服饰业', children: [{ code: '181', name: '机织服装制造', children: [{ code: '1811', name: '运动机织服装制造' }] }] }] }] } };
  }
  return { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };
};

describe('create form', () => {
  it('shows why a credit code is wrong while it is typed, and nothing once it is right', async () => {
    api.handler = referenceAnswers;
    renderWith(<CreateEnterpriseForm onCreated={() => {}} />);
    const input = screen.getByTestId('create-uscc');
    fireEvent.change(input, { target: { value: '91330502MA2B3C4D' } });
    expect(await screen.findByText('应为 18 位，现在是 16 位')).toBeTruthy();
    const valid = makeUscc('91', '330502', 'MA2B3C4D');
    fireEvent.change(input, { target: { value: valid.toLowerCase() } });
    await waitFor(() => expect(screen.queryByText(/应为 18 位/)).toBeNull());
    expect((input as HTMLInputElement).value).toBe(valid);
  });

  it('puts the server refusal on the field at fault and sends the normalised body', async () => {
    const valid = makeUscc('91', '330502', 'MA2B3C4D');
    api.handler = (request) =>
      request.method === 'POST' && request.url.pathname === '/api/v1/enterprises'
        ? { status: 400, body: { error: { code: 'validation_failed', message: '区划不存在', details: [{ path: 'divisionCode', message: '区划代码 330502 不在县级以下 / not a county' }] } } }
        : referenceAnswers(request);
    const onCreated = vi.fn();
    renderWith(<CreateEnterpriseForm onCreated={onCreated} initial={{ uscc: valid, name: '织里童装', divisionCode: '330502', industryCode: '1811', foundedOn: dayjs('2019-04-01') }} />);
    fireEvent.change(screen.getByTestId('create-revenue'), { target: { value: '1200.5' } });
    fireEvent.click(screen.getByTestId('create-submit'));
    expect(await screen.findByText('区划代码 330502 不在县级以下 / not a county')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ uscc: valid, name: '织里童装', divisionCode: '330502', industryCode: '1811', foundedOn: '2019-04-01', revenue: '1200.5' });
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('refuses a revenue that is not a 万元 decimal before sending', async () => {
    api.handler = referenceAnswers;
    renderWith(<CreateEnterpriseForm onCreated={() => {}} />);
    fireEvent.change(screen.getByTestId('create-revenue'), { target: { value: '12,000' } });
    expect(await screen.findByText('请填写以万元为单位的数字，最多 6 位小数')).toBeTruthy();
  });
});

const user = (name: string) => ({ id: '00000000-0000-4000-8000-00000000000' + name.length, displayName: name });
function enterprise(overrides: Partial<EnterpriseView> = {}): EnterpriseView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    uscc: makeUscc('91', '330502', 'MA2B3C4D'),
    name: '湖州织里童装有限公司',
    formerNames: ['织里童装厂'],
    legalRepresentative: '张*',
    registeredAddress: '织里镇',
    divisionCode: '330502',
    division: { code: '330502', name: '吴兴区', fullName: '浙江省湖州市吴兴区', level: 'county', parents: [{ code: '33', name: '浙江省' }, { code: '3305', name: '湖州市' }] },
    industryCode: '1811',
    industry: { code: '1811', name: '运动机织服装制造', section: 'C', sectionName: '制造业', path: [{ code: 'C', name: '制造业' }] },
    foundedOn: '2019-04-01',
    registeredCapital: '500.000000',
    taxpayerType: 'general',
    creditRating: 'A',
    status: 'active',
    contact: { name: '李四', phone: '138****5678', email: null, phoneMasked: true },
    figures: [
      { year: 2024, headcount: 80, revenue: '3000.000000', assets: '2000.000000', tax: null, source: 'import', updatedAt: '2025-03-01T02:00:00Z' },
      { year: 2025, headcount: 120, revenue: '4200.500000', assets: '2500.000000', tax: '88.000000', source: 'manual', updatedAt: '2026-03-01T02:00:00Z' },
    ],
    tags: [
      { id: '00000000-0000-4000-8000-0000000000a1', tag: 'high_tech', validFrom: '2024-01-01', validUntil: '2026-12-31', note: null, setBy: user('王五'), setAt: '2024-01-02T01:00:00Z', revokedAt: null, revokedBy: null, held: true },
      { id: '00000000-0000-4000-8000-0000000000a2', tag: 'whitelist', validFrom: '2023-01-01', validUntil: null, note: null, setBy: user('王五'), setAt: '2023-01-02T01:00:00Z', revokedAt: '2024-05-01T01:00:00Z', revokedBy: user('赵六'), held: false },
    ],
    size: 'small',
    sizeYear: 2025,
    sizeSector: '工业',
    sizeBasis: '工业: 从业人员 120 人, 营业收入 4200.5 万元 → 小型',
    sizeBasisTranslations: { 'zh-CN': '工业: 从业人员 120 人, 营业收入 4200.5 万元 → 小型', 'zh-TW': '工業: 從業人員 120 人, 營業收入 4200.5 萬元 → 小型', en: 'Industry: 120 employees, revenue 42.005 M yuan → small' },
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2026-03-01T02:00:00Z',
    abilities: [],
    ...overrides,
  };
}

describe('enterprise detail', () => {
  it('shows the division and industry by name, the size basis and one row per year, newest first', () => {
    api.handler = referenceAnswers;
    renderWith(<EnterpriseDetail enterprise={enterprise()} onChanged={() => {}} />);
    expect(screen.getByTestId('enterprise-division').textContent).toBe('浙江省湖州市吴兴区');
    expect(screen.getByTestId('enterprise-industry').textContent).toBe('1811 运动机织服装制造');
    expect(screen.getByTestId('enterprise-size-basis').textContent).toContain('→ 小型');
    const rows = within(screen.getByTestId('enterprise-figures')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['2025', '2024']);
    expect(rows[0].textContent).toContain('4,200.5');
    expect(screen.getByText(/号码已部分隐藏/)).toBeTruthy();
  });

  it('gives an enterprise user only the contact editor, and staff without abilities no buttons', () => {
    api.handler = referenceAnswers;
    const { unmount } = renderWith(<EnterpriseDetail enterprise={enterprise({ abilities: ['update-contact'] })} onChanged={() => {}} own />);
    expect(screen.getByTestId('enterprise-edit').textContent).toContain('修改联系方式');
    expect(screen.queryByTestId('figures-add')).toBeNull();
    expect(screen.queryByTestId('tag-add')).toBeNull();
    unmount();
    renderWith(<EnterpriseDetail enterprise={enterprise()} onChanged={() => {}} />);
    expect(screen.queryByTestId('enterprise-edit')).toBeNull();
  });

  it('lists held tags with who set them; revoked ones only in the history; revoking asks and calls the API', async () => {
    api.handler = (request) => (request.method === 'DELETE' ? { status: 200, body: { ...enterprise().tags[0], revokedAt: '2026-11-23T01:00:00Z', revokedBy: user('王五'), held: false } } : referenceAnswers(request));
    const onChanged = vi.fn();
    const e = enterprise({ abilities: ['tag', 'figures'] });
    renderWith(<EnterpriseDetail enterprise={e} onChanged={onChanged} />);
    const tags = screen.getByTestId('enterprise-tags');
    expect(within(tags).getByTestId('tag-high_tech').textContent).toContain('王五');
    expect(within(tags).queryByTestId('tag-whitelist')).toBeNull();
    fireEvent.click(within(tags).getByRole('switch'));
    expect(within(tags).getByTestId('tag-whitelist').textContent).toContain('赵六');
    expect(within(tags).queryByTestId('tag-revoke-whitelist')).toBeNull();
    fireEvent.click(within(tags).getByTestId('tag-revoke-high_tech'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls.some((c) => c.method === 'DELETE' && c.path === `/api/v1/enterprises/${e.uscc}/tags/00000000-0000-4000-8000-0000000000a1`)).toBe(true);
  });

  it('shows the size basis in the UI language', () => {
    api.handler = referenceAnswers;
    localStorage.setItem('qinqing.preferences', JSON.stringify({ locale: 'en', careMode: false }));
    renderWith(<EnterpriseDetail enterprise={enterprise()} onChanged={() => {}} />);
    expect(screen.getByTestId('enterprise-size-basis').textContent).toBe('Industry: 120 employees, revenue 42.005 M yuan → small');
    expect(screen.getByTestId('enterprise-figures').textContent).toContain('Figures by year');
  });
});

const job = (id: string, over: Record<string, unknown>) => ({
  id,
  kind: 'enterprise-import',
  status: 'running',
  processed: 0,
  total: 3,
  totalExact: true,
  errors: [],
  errorCount: 0,
  createdAt: '2026-11-23T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  result: null,
  failure: null,
  ...over,
});
const report = (over: Record<string, unknown>) => ({
  dryRun: true, mode: 'valid-rows', fileName: 'enterprises.csv', sha256: 'x', year: 2025, total: 3, valid: 1, created: 0, updated: 0, unchanged: 0, applied: false,
  errorCount: 2, errors: [], columns: [], ignoredColumns: [], seconds: 0.1, ...over,
});
const checkId = '00000000-0000-4000-8000-0000000000c1';
const applyId = '00000000-0000-4000-8000-0000000000c2';

describe('import page', () => {
  it('maps the csv columns, lists every bad row of the dry run, then imports with progress', async () => {
    let polls = 0;
    const errors = [
      { row: 4, column: '统一社会信用代码', message: '校验码错误' },
      { row: 3, column: '从业人员', message: '不能为负数' },
    ];
    const columns = [
      { header: '统一社会信用代码', field: 'uscc' },
      { header: '企业名称', field: 'name' },
      { header: '从业人员', field: 'headcount' },
      { header: '所在镇', field: 'divisionCode' },
      { header: '备注', field: null },
    ];
    api.handler = ({ method, url }) => {
      if (method === 'POST' && url.pathname === '/api/v1/enterprises/import') return { status: 202, body: { jobId: url.searchParams.get('dryRun') === 'true' ? checkId : applyId } };
      if (url.pathname === `/api/v1/jobs/${checkId}`) return { status: 200, body: job(checkId, { status: 'succeeded', processed: 3, errors, errorCount: 2, result: report({ errors, columns }) }) };
      if (url.pathname === `/api/v1/jobs/${applyId}`) {
        polls++;
        return {
          status: 200,
          body:
            polls < 2
              ? job(applyId, { processed: 1 })
              : job(applyId, { status: 'succeeded', processed: 3, errors, errorCount: 2, result: report({ dryRun: false, applied: true, created: 1, errors, columns }) }),
        };
      }
      return referenceAnswers({ method, url, body: null });
    };
    renderWith(<EnterpriseImportPage />);
    const csv = new File(['统一社会信用代码,企业名称,从业人员,所在镇,备注\n1,2,3,4,5\n'], 'enterprises.csv', { type: 'text/csv' });
    const input = screen.getByTestId('page-enterprise-import').querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [csv] } });
    });
    const mapping = await screen.findByTestId('import-mapping');
    expect(within(mapping).getAllByRole('row')).toHaveLength(6);
    expect(screen.getByTestId('mapping-从业人员').textContent).toContain('从业人员');
    expect(screen.getByTestId('mapping-所在镇').textContent).toContain('按表头自动识别');
    fireEvent.click(screen.getByTestId('import-check'));
    const summary = await screen.findByTestId('import-check-summary');
    expect(summary.textContent).toContain('共 3 行，可导入 1 行，发现 2 处问题');
    const errorRows = within(screen.getByTestId('import-errors')).getAllByRole('row').slice(1);
    expect(errorRows.map((r) => r.textContent)).toEqual(['3从业人员不能为负数', '4统一社会信用代码校验码错误']);
    const dryRun = calls.find((c) => c.method === 'POST');
    const query = new URL(dryRun!.path, 'http://localhost').searchParams;
    expect(query.get('dryRun')).toBe('true');
    expect(JSON.parse(query.get('mapping')!)).toEqual({ 统一社会信用代码: 'uscc', 企业名称: 'name', 从业人员: 'headcount' });

    fireEvent.click(screen.getByTestId('import-mode-all-or-nothing'));
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('import-mode-valid-rows'));
    fireEvent.click(screen.getByTestId('import-apply'));
    expect(await screen.findByTestId('import-done', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('import-done').textContent).toContain('新增 1 家，更新 0 家，0 家无变化；2 处问题未导入');
    const applyQuery = new URL(calls.filter((c) => c.method === 'POST').at(-1)!.path, 'http://localhost').searchParams;
    expect(applyQuery.get('mode')).toBe('valid-rows');
    expect(applyQuery.get('dryRun')).toBe('false');
    // After the dry run the mapping sent is the one the report used, 所在镇 included.
    expect(JSON.parse(applyQuery.get('mapping')!)).toMatchObject({ 所在镇: 'divisionCode', 备注: null });
  });
});

describe('list page', () => {
  it('searches once typing pauses, keeps the last rows on screen meanwhile, and says when the server stopped counting', async () => {
    const listItem = (uscc: string, name: string) => ({
      id: `00000000-0000-4000-8000-${uscc.slice(-12).replace(/[^0-9a-f]/gi, '0')}`,
      uscc, name, divisionCode: '330502', divisionName: '浙江省湖州市吴兴区', industryCode: '1811', industryName: '运动机织服装制造',
      legalRepresentative: '张*', foundedOn: '2019-04-01', size: 'small', sizeYear: 2025, status: 'active', tags: ['high_tech'],
    });
    api.handler = ({ url }) => {
      if (url.pathname !== '/api/v1/enterprises') return referenceAnswers({ method: 'GET', url, body: null });
      const q = url.searchParams.get('q');
      return q
        ? { status: 200, body: { items: [listItem('91330502MA2B3C4D5E', '织里童装')], total: 1, totalExact: true } }
        : { status: 200, body: { items: [listItem('91330502MA2B3C4D6F', '全部企业之一')], total: 1000, totalExact: false } };
    };
    renderWith(<EnterpriseListPage />, { abilities: ['enterprise.read', 'enterprise.export'] });
    expect(await screen.findByText('全部企业之一', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('超过 1000 家企业，请再加条件缩小范围')).toBeTruthy();
    expect(screen.getByTestId('enterprise-export')).toBeTruthy();
    expect(screen.queryByTestId('enterprise-import')).toBeNull();
    expect(screen.queryByTestId('enterprise-new')).toBeNull();

    const before = calls.filter((c) => c.path.startsWith('/api/v1/enterprises?')).length;
    const box = screen.getByTestId('enterprise-search').querySelector('input')!;
    for (const text of ['z', 'zl', 'zlt']) fireEvent.change(box, { target: { value: text } });
    // While typing (before the pause) nothing is asked and the rows stay.
    expect(screen.getByText('全部企业之一')).toBeTruthy();
    expect(await screen.findByText('织里童装', {}, { timeout: 10_000 })).toBeTruthy();
    const searches = calls.filter((c) => c.path.startsWith('/api/v1/enterprises?')).slice(before);
    expect(searches.map((c) => new URL(c.path, 'http://localhost').searchParams.get('q'))).toEqual(['zlt']);
    expect(screen.getByText('共 1 家企业')).toBeTruthy();
  });
});
