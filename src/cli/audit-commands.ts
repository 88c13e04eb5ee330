// `qinqing audit verify`: recompute the audit chain; exit non-zero at the first break.
import type { Command } from 'commander';
import { verifyAuditChain } from '../server/domains/audit/audit.repository.ts';
import { withDatabase } from './with-database.ts';

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / verify the hash chain of the audit trail')
    .action(async () => {
      const report = await withDatabase((deps) => verifyAuditChain(deps.db));
      if (report.ok) {
        console.log(`audit chain intact: ${report.checked} events on ${report.chains} chains verified`);
      } else {
        console.error(`audit chain BROKEN at event ${report.firstBreak!.id}: ${report.firstBreak!.reason} (${report.checked} events verified before it)`);
        process.exitCode = 1;
      }
    });
}
