// `qinqing enterprises import <file>` (xlsx or csv, with a progress bar) and `qinqing enterprises export`: the same use cases as the API, with no size limit.
import fs from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import type { Role } from '../shared/roles.ts';
import { columnMapping, enterpriseExportQuery, type ColumnMapping } from '../shared/schemas/enterprise-import.ts';
import type { Actor } from '../server/domains/auth/actor.ts';
import { can } from '../server/domains/abilities.ts';
import { importEnterprises } from '../server/domains/enterprises/import/import-enterprises.ts';
import { exportEnterprises } from '../server/domains/enterprises/export/export-enterprises.ts';
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

const yearOption = (value: string) => {
  const y = Number(value);
  if (!Number.isInteger(y) || y < 1949 || y > 2200) throw new InvalidArgumentError('--year: YYYY');
  return y;
};

function mappingOption(value: string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.existsSync(value) ? fs.readFileSync(value, 'utf8') : value);
  } catch {
    throw new InvalidArgumentError('--mapping: JSON {"表头": "字段"} 或其文件 / JSON or a JSON file');
  }
  const result = columnMapping.safeParse(parsed);
  if (!result.success) throw new InvalidArgumentError(`--mapping: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

interface ImportOptions {
  dryRun?: boolean;
  allOrNothing?: boolean;
  year?: number;
  mapping?: ColumnMapping;
  acceptUnits?: boolean;
  as?: string;
  json?: boolean;
}

export function enterpriseCommands(program: Command): void {
  const enterprises = program.command('enterprises').description('企业库 / enterprise registry');
  enterprises
    .command('import <file>')
    .description('导入企业 (xlsx 或 csv) / import enterprises from xlsx or csv: new ones created, known ones updated, figures kept per year')
    .option('--dry-run', '只检查，不写入 / check every row, write nothing')
    .option('--all-or-nothing', '有任何错误则一行也不导入 / write nothing when any row is wrong (default: import the valid rows)')
    .option('--year <yyyy>', '数据年度（文件无“年度”列时），默认上一年 / the figures\' year when the file has no year column (default: last year)', yearOption)
    .option('--mapping <json>', '列映射 JSON {"表头": "字段"}（或 JSON 文件）/ column mapping: JSON {"header": "field"} or a file holding it', mappingOption)
    .option('--accept-units', '数值确为万元（跳过元/万元检查）/ the figures really are in 万元 (skip the 元 check)')
    .option('--as <username>', '记录为该用户的操作（默认：第一个管理员） / the user the import is recorded under (default: the first administrator)')
    .option('--json', '输出 JSON 报告 / print the report as JSON')
    .addHelpText('after', '\n退出码 / exit codes: 0 全部导入 / all rows good; 1 有错误行（全有或全无时未写入任何数据）/ some rows bad (all-or-nothing: nothing written); 2 无法执行 / could not run')
    .action(async (file: string, opts: ImportOptions) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        console.error(`无法读取 / cannot read ${file}`);
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (deps) => {
        const actor = await importingUser(deps.db, opts.as);
        if (!actor || !can(actor, 'enterprise.import')) {
          console.error(opts.as ? `用户 ${opts.as} 不存在或无权导入 / user ${opts.as} not found or not allowed to import` : '没有可用的管理员账号，请用 --as 指定 / no active administrator: name one with --as');
          process.exitCode = 2;
          return;
        }
        const mode = opts.allOrNothing ? 'all-or-nothing' : 'valid-rows';
        const bar = new cliProgress.SingleBar(
          { format: '企业导入 / import [{bar}] {percentage}% {value}/{total} rows, {errors} errors, eta {eta_formatted}', stream: process.stderr, etaBuffer: 50, noTTYOutput: true, notTTYSchedule: 10_000 },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        const report = await importEnterprises(deps, { ...systemContext('cli'), actor }, file, {
          dryRun: opts.dryRun ?? false,
          mode,
          year: opts.year,
          mapping: opts.mapping,
          acceptUnits: opts.acceptUnits ?? false,
          fileName: path.basename(file),
          onProgress: (p) => {
            const total = Math.max(p.total ?? p.processed, p.processed, 1);
            if (!started) {
              bar.start(total, p.processed, { errors: p.errorCount });
              started = true;
            } else {
              bar.setTotal(total);
              bar.update(p.processed, { errors: p.errorCount });
            }
          },
        });
        if (started) bar.stop();
        if (opts.json) console.log(JSON.stringify(report, null, 2));
        else {
          const done = report.dryRun ? 'dry run: nothing written' : report.applied ? `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged` : 'nothing written';
          console.log(`${path.basename(file)}: ${report.total} rows, ${report.valid} valid, ${report.errorCount} errors (${mode}, figures of ${report.year}); ${done}; ${report.seconds} s`);
          if (report.ignoredColumns.length) console.log(`ignored columns: ${report.ignoredColumns.join(', ')}`);
          for (const e of report.errors) console.log(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
          if (report.errorCount > report.errors.length) console.log(`… ${report.errorCount - report.errors.length} more errors not listed`);
        }
        if (report.errorCount > 0) process.exitCode = 1;
      });
    });

  enterprises
    .command('export <file>')
    .description('导出企业名录 (按扩展名 .xlsx 或 .csv) / export the registry, filtered as the list, to .xlsx or .csv')
    .option('--q <text>', '名称、代码或拼音首字母 / name, code or pinyin initials')
    .option('--division-code <code>', '区划（含下级）/ division subtree')
    .option('--industry-code <code>', '行业 / industry')
    .option('--tag <tag>', '标签 / tag')
    .option('--size <size>', 'large | medium | small | micro')
    .option('--year <yyyy>', '数据年度 / figures of this year')
    .action(async (file: string, opts: Record<string, string | undefined>) => {
      const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const parsed = enterpriseExportQuery.safeParse({ format, q: opts.q, divisionCode: opts.divisionCode, industryCode: opts.industryCode, tag: opts.tag, size: opts.size, year: opts.year });
      if (!parsed.success) {
        console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (deps) => {
        const out = fs.createWriteStream(file);
        const rows = await exportEnterprises(deps.db, { kind: 'all' }, parsed.data, deps.clock.now(), out);
        console.log(`${file}: ${rows} enterprises`);
      });
    });
}
