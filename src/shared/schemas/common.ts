// Building blocks shared by every endpoint schema: ids, dates, pagination, list envelopes.
import { z } from 'zod';

export const uuid = z.uuid({ error: '必须是 UUID / must be a UUID' });

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that really exists (2026-02-30 is refused). */
export const businessDate = z.string().refine(
  (value) => {
    const m = isoDate.exec(value);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1900 || y > 2200) return false;
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  },
  { error: '必须是真实存在的日期 YYYY-MM-DD / must be a real date YYYY-MM-DD' },
);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const idParams = z.object({ id: uuid });

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
