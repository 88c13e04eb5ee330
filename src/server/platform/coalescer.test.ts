// The coalescer: look-ups that wait while one is in flight go together in the next query, each started after its request; errors reach every waiter.
import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';

function deferredLoader() {
  const calls: { keys: string[]; startedAt: number; finish: (error?: Error) => void }[] = [];
  let clock = 0;
  const loader = (keys: string[]) =>
    new Promise<Map<string, string>>((resolve, reject) => {
      calls.push({ keys, startedAt: clock++, finish: (error) => (error ? reject(error) : resolve(new Map(keys.map((k) => [k, `value of ${k}`])))) });
    });
  return { calls, loader, tick: () => clock++ };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('loads alone when idle, then everything that arrived meanwhile in one call that starts after those requests', async () => {
    const { calls, loader, tick } = deferredLoader();
    const c = new Coalescer(loader, { maxInFlight: 1, maxBatch: 10 });
    const first = c.load('a');
    expect(calls).toHaveLength(1);
    const arrivedAt = tick();
    const waiting = [c.load('b'), c.load('a'), c.load('c')];
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    expect(await first).toBe('value of a');
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.keys.sort()).toEqual(['a', 'b', 'c']);
    expect(calls[1]!.startedAt).toBeGreaterThan(arrivedAt);
    calls[1]!.finish();
    expect(await Promise.all(waiting)).toEqual(['value of b', 'value of a', 'value of c']);
  });

  it('answers undefined for a key the loader did not find, and passes a failure to every waiter of that call only', async () => {
    const c = new Coalescer(async (keys: string[]) => new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length])));
    expect(await Promise.all([c.load('abc'), c.load('missing')])).toEqual([3, undefined]);
    const { calls, loader } = deferredLoader();
    const failing = new Coalescer(loader, { maxInFlight: 1, maxBatch: 10 });
    const first = failing.load('x');
    const second = [failing.load('y'), failing.load('z')];
    calls[0]!.finish(new Error('down'));
    await expect(first).rejects.toThrow('down');
    await settle();
    calls[1]!.finish();
    expect(await Promise.all(second)).toEqual(['value of y', 'value of z']);
  });

  it('splits a long queue into calls of at most maxBatch keys', async () => {
    const sizes: number[] = [];
    const c = new Coalescer(async (keys: number[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    }, { maxInFlight: 1, maxBatch: 4 });
    const values = await Promise.all(Array.from({ length: 11 }, (_, i) => c.load(i)));
    expect(values).toEqual(Array.from({ length: 11 }, (_, i) => i * 2));
    expect(sizes).toEqual([1, 4, 4, 2]);
  });
});
