// The demo application (demo mode, on `npm start` with an empty database, after the demo policies): enterprise2 applies for the first application-mode demo policy it is eligible for (the 南浔区 技改 subsidy), so the reviewers' queue is not empty.
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/context.ts';
import type { Actor } from '../domains/auth/actor.ts';
import type { Role } from '../../shared/roles.ts';
import { businessDateOf } from '../domains/calendar/working-days.ts';
import { prepareApplication } from '../domains/policies/applications/application-form.ts';
import { submitApplication } from '../domains/policies/applications/submit-application.ts';
import { demoPolicies } from './seed-demo-policies.ts';

export async function seedDemoApplications(deps: Pick<Deps, 'db' | 'clock' | 'log'>): Promise<number> {
  const user = await deps.db.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'org_unit_id', 'enterprise_id']).where('username', '=', 'enterprise2').executeTakeFirst();
  if (!user?.enterprise_id) return 0;
  const actor: Actor = { userId: user.id, username: user.username, displayName: user.display_name, roles: user.roles as Role[], orgUnitId: user.org_unit_id, enterpriseId: user.enterprise_id, sessionId: null, tokenId: null };
  const today = businessDateOf(deps.clock.now());
  const documentNumbers = demoPolicies(Number(today.slice(0, 4))).filter((p) => p.mode === 'application').map((p) => p.documentNumber);
  const policies = await deps.db.selectFrom('policies').select('id').where('status', '=', 'published').where('document_number', 'in', documentNumbers).orderBy('created_at').execute();
  for (const { id } of policies) {
    const { form } = await prepareApplication(deps.db, id, user.enterprise_id, today);
    if (!form.canApply) continue;
    await submitApplication(deps, systemContext('seed-demo'), actor, id, {
      contactName: '朱晓敏',
      contactPhone: '0572-3012345',
      statement: '我司上一年度完成木工数控生产线智能化改造，现申报补助，技改项目材料随后上传。',
      confirmed: true,
    });
    deps.log.info({ policyId: id }, 'demo application loaded');
    return 1;
  }
  return 0;
}
