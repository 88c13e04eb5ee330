// Guards public look-ups against enumeration: per client address, a budget of requests per minute and a smaller budget of misses per ten minutes (in this process).
import { AppError } from '../../../http/errors.ts';

interface Window {
  startedAt: number;
  count: number;
}

export interface GuardLimits {
  perMinute: number;
  missesPerTenMinutes: number;
}

export class PublicLookupGuard {
  private readonly requests = new Map<string, Window>();
  private readonly misses = new Map<string, Window>();

  constructor(private readonly limits: GuardLimits, private readonly now: () => number = Date.now) {}

  private bump(map: Map<string, Window>, key: string, span: number): number {
    const t = this.now();
    if (map.size > 50_000) for (const [k, w] of map) if (t - w.startedAt >= span) map.delete(k);
    const current = map.get(key);
    if (!current || t - current.startedAt >= span) {
      map.set(key, { startedAt: t, count: 1 });
      return 1;
    }
    current.count++;
    return current.count;
  }

  private retryAfter(map: Map<string, Window>, key: string, span: number): string {
    const w = map.get(key);
    return String(Math.max(1, Math.ceil(((w?.startedAt ?? this.now()) + span - this.now()) / 1000)));
  }

  /** Call before the look-up: throws 429 when the address has used its budget. */
  admit(key: string): void {
    const missWindow = this.misses.get(key);
    if (missWindow && this.now() - missWindow.startedAt < 600_000 && missWindow.count >= this.limits.missesPerTenMinutes) {
      throw new AppError('rate_limited', '查询过于频繁，请稍后再试 / too many look-ups, try again later', [], { 'Retry-After': this.retryAfter(this.misses, key, 600_000) });
    }
    if (this.bump(this.requests, key, 60_000) > this.limits.perMinute) {
      throw new AppError('rate_limited', '查询过于频繁，请稍后再试 / too many look-ups, try again later', [], { 'Retry-After': this.retryAfter(this.requests, key, 60_000) });
    }
  }

  /** Call when the look-up found nothing (a wrong or guessed number). */
  miss(key: string): void {
    this.bump(this.misses, key, 600_000);
  }
}
