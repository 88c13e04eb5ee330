// A small seeded random source (sfc32) with the draws the synthetic data needs: the same seed gives the same data.
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // splitmix-style scrambling of the seed into four words, so nearby seeds give unrelated streams.
    let h = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const word = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = word();
    this.b = word();
    this.c = word();
    this.d = word();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A log-normal draw with the given median (its spread sigma in log space): waiting times have long right tails. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }

  /**
   * A version-4 format UUID whose first 48 bits are `ms` (like UUIDv7's layout): rows written in time order then land at the
   * right-hand end of the primary-key and timeline indexes instead of all over them.
   */
  timeUuid(ms: number): string {
    const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
    const rest = this.uuid();
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-${rest.slice(14)}`;
  }

  /** A version-4 style UUID from this stream. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w1 = hex(this.uint32());
    const w2 = hex(this.uint32());
    const w3 = hex(this.uint32());
    const w4 = hex(this.uint32());
    const variant = ((parseInt(w3[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${w1}-${w2.slice(0, 4)}-4${w2.slice(5, 8)}-${variant}${w3.slice(1, 4)}-${w3.slice(4)}${w4}`;
  }
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Picks from weighted options; build once, draw many times. */
export function weighted<T>(options: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of options) cumulative.push((sum += w / total));
  return (rng) => {
    const x = rng.next();
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]!) return options[i]![0];
    return options[options.length - 1]![0];
  };
}
