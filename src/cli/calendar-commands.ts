// `qinqing calendar add|count|import`: the working-day calendar from the command line, through the same functions as the API.
import type { Command } from 'commander';
import { addWorkingDaysQuery, countWorkingDaysQuery } from '../shared/schemas/index.ts';
import { getCalendar } from '../server/domains/calendar/calendar.service.ts';
import { importCalendarFile } from '../server/domains/calendar/import-calendar.ts';
import { systemContext } from '../server/http/context.ts';
import { addWorkingDays, countWorkingDays } from '../server/domains/calendar/working-days.ts';
import { AppError } from '../server/http/errors.ts';
import type { z } from 'zod';
import { withDatabase } from './with-database.ts';

function parseOrExit<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  return parsed.data;
}

async function reportErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      for (const detail of error.details) console.error(`  ${detail.path}: ${detail.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

export function calendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('工作日历 / working-day calendar');
  calendar
    .command('add <from> <days>')
    .description('第 N 个工作日 / the N-th working day after <from> (N = 0: <from> itself if a working day)')
    .action(async (from: string, days: string) => {
      const query = parseOrExit(addWorkingDaysQuery, { from, days });
      await reportErrors(() =>
        withDatabase(async (deps) => {
          console.log(addWorkingDays(await getCalendar(deps.db), query.from, query.days).date);
        }),
      );
    });
  calendar
    .command('count <from> <to>')
    .description('两个日期之间的工作日数（含两端） / working days from <from> to <to>, both included')
    .action(async (from: string, to: string) => {
      const query = parseOrExit(countWorkingDaysQuery, { from, to });
      await reportErrors(() =>
        withDatabase(async (deps) => {
          console.log(countWorkingDays(await getCalendar(deps.db), query.from, query.to).count);
        }),
      );
    });
  calendar
    .command('import <file>')
    .description('导入节假日安排 (CSV date,name,type 或 holiday-cn JSON) / import holidays and make-up working days; all or nothing')
    .action(async (file: string) => {
      await reportErrors(() =>
        withDatabase(async (deps) => {
          const report = await importCalendarFile(deps.db, systemContext('cli'), file, deps.clock);
          console.log(`${report.file}: ${report.days} days (${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged); years ${report.years.join(', ')}`);
        }),
      );
    });
}
