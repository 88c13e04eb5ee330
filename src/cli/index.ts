// The `qinqing` CLI: start, migrate, seed --demo|--synthetic-appeals, user create, calendar add|count|import, audit verify — calling the same use cases as the server.
import { Command, Option } from 'commander';
import { createLogger } from '../server/platform/logger.ts';
import { startQinqing, stopOnSignals } from '../server/main.ts';
import { config, withDatabase } from './with-database.ts';
import { calendarCommands } from './calendar-commands.ts';
import { userCommands } from './user-commands.ts';
import { auditCommands } from './audit-commands.ts';
import { appealCommands } from './appeal-commands.ts';
import { seedCommands } from './seed-commands.ts';
import { enterpriseCommands } from './enterprise-commands.ts';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('qinqing').description('亲清 Qinqing — 营商环境服务平台 / business-environment platform').showHelpAfterError();

  program
    .command('start')
    .description('启动服务 / start the server (web UI, API, workers)')
    .option('--demo', '演示模式：首次启动载入演示城市和演示用户 / demo mode: load the demo city and demo users on first start')
    .addOption(new Option('--roles <roles>', 'web,worker | web | worker'))
    .option('--port <port>', 'HTTP port (default 3000 or $PORT)')
    .action(async (opts: { demo?: boolean; roles?: string; port?: string }) => {
      const cfg = config({
        ...(opts.demo ? { QINQING_DEMO: 'true' } : {}),
        ...(opts.roles ? { QINQING_ROLES: opts.roles } : {}),
        ...(opts.port ? { PORT: opts.port } : {}),
      });
      const log = createLogger(cfg.logLevel);
      try {
        const running = await startQinqing(cfg, { log });
        stopOnSignals(running, log);
        if (running.url) console.error(`\n  亲清 Qinqing: ${running.url.replace('127.0.0.1', 'localhost')}${cfg.demo ? '  (演示用户 / demo users: admin … 密码 / password qinqing-demo)' : ''}\n`);
      } catch (error) {
        log.fatal({ err: error }, 'Qinqing failed to start');
        process.exit(1);
      }
    });

  program
    .command('migrate')
    .description('执行数据库迁移 / apply database migrations')
    .action(async () => {
      await withDatabase(async () => console.log('migrations up to date'));
    });

  seedCommands(program);
  userCommands(program);
  calendarCommands(program);
  auditCommands(program);
  appealCommands(program);
  enterpriseCommands(program);

  await program.parseAsync(argv);
}
