// HTTP routes of the working-day calendar: working-day arithmetic for everyone signed in, exception days and years for administrators.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addWorkingDaysQuery,
  addWorkingDaysResponse,
  calendarDateParams,
  calendarDayView,
  calendarDaysQuery,
  calendarStatus as calendarStatusSchema,
  countWorkingDaysQuery,
  countWorkingDaysResponse,
  publishYearBody,
  putCalendarDayBody,
} from '../../../shared/schemas/index.ts';
import { authorize } from '../abilities.ts';
import { listCalendarDays } from './calendar.repository.ts';
import { getCalendar } from './calendar.service.ts';
import { calendarStatus } from './calendar-status.ts';
import { deleteCalendarDay, publishYear, setCalendarDay } from './manage-calendar.ts';
import { addWorkingDays, countWorkingDays, endOfBusinessDayIso } from './working-days.ts';

export function calendarRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/calendar/working-days/add', summary: '第 N 个工作日 / the N-th working day after a date', tags: ['calendar'], auth: true,
    query: addWorkingDaysQuery, response: addWorkingDaysResponse,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'calendar.read');
      const { date } = addWorkingDays(await getCalendar(db), query.from, query.days);
      return { from: query.from, days: query.days, date, deadline: endOfBusinessDayIso(date) };
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/calendar/working-days/count', summary: '区间内工作日数（含首尾） / working days between two dates, both included', tags: ['calendar'], auth: true,
    query: countWorkingDaysQuery, response: countWorkingDaysResponse,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'calendar.read');
      const { count } = countWorkingDays(await getCalendar(db), query.from, query.to);
      return { from: query.from, to: query.to, count };
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/calendar/days', summary: '某年的节假日与调休工作日 / a year\'s holidays and make-up working days', tags: ['calendar'], auth: true,
    query: calendarDaysQuery, response: z.object({ items: z.array(calendarDayView) }),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'calendar.read');
      return { items: await listCalendarDays(db, query.year) };
    },
  });
  app.defineRoute({
    method: 'PUT', url: '/api/v1/calendar/days/{date}', summary: '设置某日为节假日或调休工作日 / set a day\'s exception', tags: ['calendar'], auth: true,
    params: calendarDateParams, body: putCalendarDayBody, response: calendarDayView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'calendar.edit');
      return setCalendarDay({ db, clock }, ctx, params.date, body);
    },
  });
  app.defineRoute({
    method: 'DELETE', url: '/api/v1/calendar/days/{date}', summary: '删除某日的例外设置 / remove a day\'s exception', tags: ['calendar'], auth: true,
    params: calendarDateParams, status: 204,
    handler: async ({ actor, ctx, db, params }) => {
      authorize(actor, 'calendar.edit');
      await deleteCalendarDay({ db, clock }, ctx, params.date);
      return undefined;
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/calendar/status', summary: '已录入的年份与缺失年份 / which years the calendar covers', tags: ['calendar'], auth: true,
    response: calendarStatusSchema,
    handler: async ({ actor, db }) => {
      authorize(actor, 'calendar.read');
      return calendarStatus(db, clock.now());
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/calendar/years', summary: '发布某年的节假日安排 / mark a year\'s schedule as entered', tags: ['calendar'], auth: true, idempotent: true,
    body: publishYearBody, response: calendarStatusSchema,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'calendar.edit');
      return publishYear({ db, clock }, ctx, body.year, body.note);
    },
  });
}
