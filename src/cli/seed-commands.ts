// `qinqing seed --demo` (the demo city) and `qinqing seed --synthetic-appeals N` (years of realistic appeals for benchmarks and demos).
import { type Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { isDatabaseEmpty, seedDemo } from '../server/demo/seed-demo.ts';
import { generateSyntheticAppeals, SYNTHETIC_YEARS } from '../server/domains/appeals/synthetic/generate-appeals.ts';
import { prepare } from '../server/main.ts';
import { createLogger } from '../server/platform/logger.ts';
import { config } from './with-database.ts';

const count = (label: string, min: number) => (value: string) => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${label}: 需要不小于 ${min} 的整数 / an integer ≥ ${min}`);
  return n;
};

interface SeedOptions {
  demo?: boolean;
  syntheticAppeals?: number;
  seed: number;
  enterprises: number;
  years: number;
  force?: boolean;
}

export function seedCommands(program: Command): void {
  program
    .command('seed')
    .description('载入数据 / load data')
    .option('--demo', '载入演示城市和演示用户（仅限空数据库） / load the demo city and users (empty database only)')
    .option('--synthetic-appeals <n>', '生成 N 条合成诉求（近三年） / generate N synthetic appeals over the last three years', count('--synthetic-appeals', 1))
    .option('--seed <s>', '随机种子，同一种子生成相同数据 / random seed: the same seed gives the same data', count('--seed', 0), 1)
    .option('--enterprises <m>', '合成企业数 / synthetic enterprises to create', count('--enterprises', 1), 20_000)
    .option('--years <y>', '时间跨度（年） / years back from now', (v) => {
      const y = Number(v);
      if (!(y > 0 && y <= 10)) throw new InvalidArgumentError('--years: 0 < y ≤ 10');
      return y;
    }, SYNTHETIC_YEARS)
    .option('--force', '允许在非演示数据库中生成合成数据 / allow synthetic data in a database without demo users')
    .action(async (opts: SeedOptions) => {
      if (!opts.demo && !opts.syntheticAppeals) {
        console.error('请指定 --demo 或 --synthetic-appeals N / give --demo or --synthetic-appeals N');
        process.exitCode = 2;
        return;
      }
      const cfg = config({ QINQING_LOG_LEVEL: process.env.QINQING_LOG_LEVEL ?? 'warn' });
      // As withDatabase, but the generator also needs the pg pool itself (COPY).
      const { handle, deps } = await prepare(cfg, createLogger(cfg.logLevel));
      try {
        if (opts.demo) {
          if (!(await isDatabaseEmpty(deps.db))) {
            console.error('数据库不为空，未载入演示数据 / the database is not empty; demo data not loaded');
            process.exitCode = 1;
            return;
          }
          const result = await seedDemo(deps);
          console.log(`demo city loaded: ${result.units} units, ${result.users} users (password qinqing-demo; they log in only in demo mode)`);
        }
        if (!opts.syntheticAppeals) return;
        const demoUser = await deps.db.selectFrom('users').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
        if (!demoUser && !opts.force) {
          console.error('合成数据只用于演示或压测数据库（没有演示用户）；确需生成请加 --force / synthetic data is for demo and benchmark databases (no demo users here); add --force to insist');
          process.exitCode = 1;
          return;
        }
        const bar = new cliProgress.SingleBar(
          { format: '合成诉求 / synthetic appeals [{bar}] {percentage}% {value}/{total} eta {eta_formatted}', stream: process.stderr, etaBuffer: 20, noTTYOutput: true, notTTYSchedule: 10_000 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(opts.syntheticAppeals, 0);
        try {
          const report = await generateSyntheticAppeals({ db: deps.db, pool: handle.pool, clock: deps.clock }, {
            appeals: opts.syntheticAppeals,
            seed: opts.seed,
            enterprises: opts.enterprises,
            years: opts.years,
            onProgress: (done) => bar.update(done),
          });
          bar.stop();
          const statuses = Object.entries(report.statuses).sort(([, a], [, b]) => b - a).map(([s, n]) => `${s} ${n}`).join(', ');
          console.log(`synthetic appeals: ${report.appeals} appeals, ${report.events} events, ${report.extensions} extension requests, ${report.supervisions} supervisions, ${report.enterprisesCreated} new enterprises (${report.enterprisesUsed} used); ${report.from?.slice(0, 10)} … ${report.to.slice(0, 10)}; ${(report.ms / 1000).toFixed(1)} s`);
          console.log(`statuses: ${statuses}`);
        } catch (error) {
          bar.stop();
          throw error;
        }
      } finally {
        await handle.close();
      }
    });
}
