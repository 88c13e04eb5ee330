// The zh-TW table: one traditional character per simplified one, the vocabulary of explanations converted, place-name characters kept.
import { describe, expect, it } from 'vitest';
import { toTraditional, zhTW } from './zh-tw.ts';

describe('zhTW', () => {
  it('converts the phrases explanations are made of', () => {
    expect(zhTW('符合 5/6 项；未满足：上年营业收入 ≥ 2000 万元，贵企业 2025 年为 1500 万元；待补充数据：缺少从业人员')).toBe(
      '符合 5/6 項；未滿足：上年營業收入 ≥ 2000 萬元，貴企業 2025 年為 1500 萬元；待補充資料：缺少從業人員',
    );
    expect(toTraditional('属于例外情形：已认定为专精特新“小巨人”')).toBe('屬於例外情形：已認定為專精特新“小巨人”');
    expect(zhTW('纳税信用等级 A 级；注册资本；资产总额；所属行业')).toBe('納稅信用等級 A 級；註冊資本；資產總額；所屬行業');
  });
  it('leaves characters outside the table, digits and place names such as 织里 (里 stays) alone', () => {
    expect(toTraditional('湖州织里镇 330502100')).toBe('湖州織里鎮 330502100');
    expect(toTraditional('abc 123 ≥ ≤')).toBe('abc 123 ≥ ≤');
  });
});
