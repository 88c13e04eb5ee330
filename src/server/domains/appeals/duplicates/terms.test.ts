// Appeal terms by jieba: real appeal texts, stop words and noise removed, title first, the cap, query terms, speed.
import { describe, expect, it } from 'vitest';
import { appealTerms, isTerm, MAX_TERMS, queryTerms, titleTerms } from './terms.ts';

describe('appealTerms', () => {
  it('finds the shared subject of two differently worded power-connection appeals', () => {
    const a = appealTerms('企业用电报装迟迟没有通电，影响投产', '');
    const b = appealTerms('新厂房用电报装一个月还没通电', '');
    expect(a).toEqual(expect.arrayContaining(['用电', '报装', '通电', '投产']));
    expect(b).toEqual(expect.arrayContaining(['厂房', '用电', '报装', '通电']));
    expect(a.filter((t) => b.includes(t)).sort()).toEqual(['报装', '通电', '用电'].sort());
    // 用电报装 is not cut into 用|电报|装 (the general dictionary's choice).
    expect(a).not.toContain('电报');
  });

  it('drops stop words, punctuation, single characters, bare and counted numbers', () => {
    const terms = appealTerms('企业用电报装迟迟没有通电，影响投产', '我司3月申请，至今已等了一个月、三次来电，损失50万元。');
    for (const noise of ['企业', '迟迟', '没有', '影响', '我司', '至今', '一个月', '三次', '50', '万元', '，', '3', '用', '装']) expect(terms).not.toContain(noise);
    expect(terms.every((t) => t.length >= 2)).toBe(true);
  });

  it('keeps Latin and technical words, lower-cased and with full-width letters folded', () => {
    const terms = appealTerms('１０ｋＶ专线接入', 'ERP 系统对接 10kV 线路');
    expect(terms).toContain('10kv');
    expect(terms).toContain('erp');
    expect(terms).toContain('专线接入');
  });

  it('puts title terms first, then the content terms that occur most', () => {
    const terms = appealTerms('出口退税审核时间较长', '资金周转紧张。资金链吃紧，资金缺口大，订单延误。');
    expect(terms.slice(0, 3)).toEqual(expect.arrayContaining(['出口', '退税']));
    expect(terms.indexOf('资金')).toBeLessThan(terms.indexOf('订单'));
    expect(terms.indexOf('审核')).toBeLessThan(terms.indexOf('资金'));
  });

  it('deduplicates and caps the terms', () => {
    const words = '厂房 道路 施工 许可 燃气 融资 贷款 担保 人才 公寓 社保 税务 发票 退税 出口 消防 验收 竣工 规划 环评 用地 指标 土地 污水 供水 停电 设备 生产 订单 客户 工资 银行 抵押 专利 研发 园区 货车 通行 噪音 垃圾 绿化 排水 网络 宽带 电梯 食堂 宿舍 员工 招工 培训 补贴 奖励 资金 审批 备案 登记 执照 检查 罚款 信用 合同 租金 物业 停车 公交 地铁 码头 仓库 物流';
    const terms = appealTerms('厂房厂房厂房', words.repeat(3));
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.length).toBe(MAX_TERMS);
    expect(terms[0]).toBe('厂房');
  });

  it('segments a typical appeal well under a millisecond once warm', () => {
    const title = '申请电力增容进度缓慢';
    const content = '我司于3月提交用电增容申请，由630千伏安增至1250千伏安，至今未安排施工。近3周以来厂区已停电4次，每次停电造成生产线停工，损失约20万元。恳请协调供电公司尽快安排，保障正常生产。';
    appealTerms(title, content);
    const runs = 500;
    const started = performance.now();
    for (let i = 0; i < runs; i++) appealTerms(title, content);
    expect((performance.now() - started) / runs).toBeLessThan(1);
  });
});

describe('queryTerms and titleTerms', () => {
  it('asks for the compound in precise mode, which intake stored with its parts', () => {
    expect(queryTerms('施工许可')).toEqual(['施工许可']);
    const stored = appealTerms('厂房施工许可办理咨询', '我司已获得3项发明专利，希望办理知识产权质押融资。');
    for (const q of ['施工许可', '许可', '施工', '知识产权质押', '知识产权', '融资', '质押']) {
      expect(queryTerms(q).length).toBeGreaterThan(0);
      expect(stored).toEqual(expect.arrayContaining(queryTerms(q)));
    }
  });

  it('gives nothing to match for a query of stop words only', () => {
    expect(queryTerms('企业 问题')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
  });

  it('titleTerms is the title part of appealTerms', () => {
    expect(titleTerms('新厂房用电报装一个月还没通电')).toEqual(appealTerms('新厂房用电报装一个月还没通电', ''));
  });

  it('isTerm refuses noise', () => {
    expect(['', '电', '2024', '，，', '三次', '企业', 'a'].map(isTerm)).toEqual([false, false, false, false, false, false, false]);
    expect(['报装', '10kv', '5g'].map(isTerm)).toEqual([true, true, true]);
  });
});
