// `qinqing user create`: create a user from the command line (the first administrator of a production install).
import type { Command } from 'commander';
import { createUserBody } from '../shared/schemas/index.ts';
import { systemContext } from '../server/http/context.ts';
import { createUser } from '../server/domains/users/manage-users.ts';
import { AppError } from '../server/http/errors.ts';
import { withDatabase } from './with-database.ts';

export function userCommands(program: Command): void {
  const user = program.command('user').description('用户 / users');
  user
    .command('create')
    .description('新建用户 / create a user (password from --password or $QINQING_NEW_PASSWORD)')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>', '显示名 / display name')
    .requiredOption('--roles <roles>', 'comma-separated: admin,dispatcher,handler,followup,policy_officer,inspector,leader,supervisor,enterprise')
    .option('--unit <code>', '所属单位编码 / org unit code')
    .option('--enterprise <uscc>', '所属企业统一社会信用代码 / enterprise credit code')
    .option('--password <password>')
    .action(async (opts: { username: string; name: string; roles: string; unit?: string; enterprise?: string; password?: string }) => {
      await withDatabase(async (deps) => {
        const orgUnit = opts.unit ? await deps.db.selectFrom('org_units').select('id').where('code', '=', opts.unit).executeTakeFirst() : undefined;
        if (opts.unit && !orgUnit) throw new Error(`unit ${opts.unit} not found`);
        const enterprise = opts.enterprise ? await deps.db.selectFrom('enterprises').select('id').where('uscc', '=', opts.enterprise.toUpperCase()).executeTakeFirst() : undefined;
        if (opts.enterprise && !enterprise) throw new Error(`enterprise ${opts.enterprise} not found`);
        const parsed = createUserBody.safeParse({
          username: opts.username,
          displayName: opts.name,
          password: opts.password ?? process.env.QINQING_NEW_PASSWORD ?? '',
          roles: opts.roles.split(',').map((r) => r.trim()),
          orgUnitId: orgUnit?.id ?? null,
          enterpriseId: enterprise?.id ?? null,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
          process.exitCode = 2;
          return;
        }
        try {
          const created = await createUser(deps, systemContext('cli'), parsed.data);
          console.log(`user ${created.username} created (${created.roles.join(', ')})`);
        } catch (error) {
          if (error instanceof AppError) {
            console.error(error.message);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      });
    });
}
