// `qinqing appeals import <file>`: historical appeals from an old ledger through the same import as the API, with no row limit.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import type { Role } from '../shared/roles.ts';
import type { Actor } from '../server/domains/auth/actor.ts';
import { can } from '../server/domains/abilities.ts';
import { importLedger } from '../server/domains/appeals/ledger/import-ledger.ts';
import { systemContext } from '../server/http/context.ts';
import type { Executor } from '../server/db/transaction.ts';
import { withDatabase } from './with-database.ts';

/** The user the import is recorded under: --as, else the first active administrator. */
async function importingUser(db: Executor, username: string | undefined): Promise<Actor | null> {
  let query = db.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'org_unit_id', 'enterprise_id']).where('status', '=', 'active');
  query = username ? query.where('username', '=', username) : query.where(sql<boolean>`'admin' = ANY(users.roles)`).orderBy('created_at').orderBy('username');
  const user = await query.executeTakeFirst();
  if (!user) return null;
  return { userId: user.id, username: user.username, displayName: user.display_name, roles: user.roles as Role[], orgUnitId: user.org_unit_id, enterpriseId: user.enterprise_id, sessionId: null, tokenId: null };
}

export function appealCommands(program: Command): void {
  const appeals = program.command('appeals').description('诉求 / appeals');
  appeals
    .command('import <file>')
    .description('导入历史诉求台账 (xlsx 或 csv) / import historical appeals from an old ledger, replayed at their original times')
    .option('--dry-run', '只检查，不写入 / check every row, write nothing')
    .option('--all-or-nothing', '有任何错误则一行也不导入 / write nothing when any row is wrong (default: import the valid rows)')
    .option('--as <username>', '记录为该用户的操作（默认：第一个管理员） / the user the import is recorded under (default: the first administrator)')
    .option('--json', '输出 JSON 报告 / print the report as JSON')
    .action(async (file: string, opts: { dryRun?: boolean; allOrNothing?: boolean; as?: string; json?: boolean }) => {
      let data: Buffer;
      try {
        data = await fs.readFile(file);
      } catch (error) {
        console.error(`无法读取 / cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (deps) => {
        const actor = await importingUser(deps.db, opts.as);
        if (!actor || !can(actor, 'appeal.import')) {
          console.error(opts.as ? `用户 ${opts.as} 不存在或无权导入 / user ${opts.as} not found or not allowed to import` : '没有可用的管理员账号，请用 --as 指定 / no active administrator: name one with --as');
          process.exitCode = 2;
          return;
        }
        const mode = opts.allOrNothing ? 'all-or-nothing' : 'valid-rows';
        const report = await importLedger(deps, { ...systemContext('cli'), actor }, actor, data, { dryRun: opts.dryRun ?? false, mode, fileName: path.basename(file) });
        if (opts.json) console.log(JSON.stringify(report, null, 2));
        else {
          const done = report.dryRun ? `${report.valid} valid (dry run: nothing written)` : `${report.valid} valid, ${report.imported} imported`;
          console.log(`${path.basename(file)}: ${report.total} rows, ${done}, ${report.errors.length} errors (${mode})`);
          if (report.ignoredColumns.length) console.log(`ignored columns: ${report.ignoredColumns.join(', ')}`);
          for (const e of report.errors) console.log(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
        }
        if (report.errors.length > 0) process.exitCode = 1;
      });
    });
}
