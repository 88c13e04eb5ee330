// Registry data for the demo city: attributes, figures for 2024 and 2025 and tags for the two demo enterprises, plus a few more so search, sizes and tags show.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { EnterpriseTag } from '../../shared/schemas/enterprises.ts';
import { makeUscc } from '../../shared/uscc.ts';
import { nameInitials } from '../domains/enterprises/enterprise-search.ts';
import { refreshSizeClass } from '../domains/enterprises/figures.ts';

interface DemoFigures {
  headcount: number;
  /** 万元, as decimal strings */
  revenue: string;
  assets: string;
  tax: string;
}

interface DemoRegistryEntry {
  /** The key of an enterprise demo-city.ts already inserts, or a new enterprise's code and division. */
  key?: string;
  uscc?: string;
  name?: string;
  divisionCode?: string;
  formerNames?: string[];
  legalRepresentative: string;
  registeredAddress: string;
  industryCode: string;
  foundedOn: string;
  registeredCapital: string;
  taxpayerType: 'general' | 'small_scale';
  creditRating: 'A' | 'B' | 'M';
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  figures: Record<2024 | 2025, DemoFigures>;
  tags: { tag: EnterpriseTag; validFrom: string; validUntil?: string; note?: string }[];
}

const f = (headcount: number, revenue: string, assets: string, tax: string): DemoFigures => ({ headcount, revenue, assets, tax });

export const demoRegistry: DemoRegistryEntry[] = [
  {
    key: 'enterprise',
    legalRepresentative: '沈建国', registeredAddress: '浙江省湖州市吴兴区织里镇珍贝路 188 号', industryCode: '1819', foundedOn: '2012-05-16',
    registeredCapital: '500', taxpayerType: 'general', creditRating: 'B', contactName: '沈丽华', contactPhone: '13857201234', contactEmail: 'contact@zltz-demo.example',
    figures: { 2024: f(86, '5200', '3100', '180.4'), 2025: f(92, '6150.5', '3400', '205.3') },
    tags: [{ tag: 'whitelist', validFrom: '2025-03-01', validUntil: '2026-12-31', note: '2025 年度融资白名单' }],
  },
  {
    key: 'enterprise2',
    legalRepresentative: '朱卫东', registeredAddress: '浙江省湖州市南浔区南浔镇强园路 66 号', industryCode: '2034', foundedOn: '2003-09-08',
    registeredCapital: '3000', taxpayerType: 'general', creditRating: 'A', contactName: '朱晓敏', contactPhone: '0572-3012345', contactEmail: 'office@nxmy-demo.example',
    figures: { 2024: f(320, '21500', '15800', '860'), 2025: f(335, '23800', '16900', '940.25') },
    tags: [
      { tag: 'above_scale', validFrom: '2015-01-01' },
      { tag: 'specialised', validFrom: '2023-07-01', validUntil: '2026-06-30', note: '浙江省专精特新中小企业（2023 年认定）' },
    ],
  },
  {
    uscc: makeUscc('91', '330522', 'MA2D4F6H'), name: '长兴绿能电池示范有限公司（演示）', divisionCode: '330522',
    legalRepresentative: '钱志强', registeredAddress: '浙江省湖州市长兴县画溪街道新能源大道 8 号', industryCode: '3843', foundedOn: '1998-03-20',
    registeredCapital: '50000', taxpayerType: 'general', creditRating: 'A', contactName: '钱敏', contactPhone: '13905721888', contactEmail: null,
    figures: { 2024: f(2600, '185000', '142000', '6300'), 2025: f(2750, '201000', '151000', '7100') },
    tags: [{ tag: 'above_scale', validFrom: '2008-01-01' }, { tag: 'high_tech', validFrom: '2023-12-01', validUntil: '2026-11-30', note: '高新技术企业证书（三年）' }],
  },
  {
    uscc: makeUscc('91', '330521', 'MA3E5G7J'), name: '德清地信科技示范有限公司（演示）', divisionCode: '330521',
    legalRepresentative: '欧阳明', registeredAddress: '浙江省湖州市德清县阜溪街道地理信息小镇 3 号楼', industryCode: '6513', foundedOn: '2016-11-02',
    registeredCapital: '2000', taxpayerType: 'general', creditRating: 'A', contactName: '陈思远', contactPhone: '18867201357', contactEmail: 'hr@dxkj-demo.example',
    figures: { 2024: f(140, '4200', '3600', '210'), 2025: f(165, '5300', '4100', '260.8') },
    tags: [
      { tag: 'high_tech', validFrom: '2024-12-01', validUntil: '2027-11-30' },
      { tag: 'tech_sme', validFrom: '2025-05-01', validUntil: '2025-12-31' },
      { tag: 'specialised', validFrom: '2025-07-01', validUntil: '2028-06-30' },
    ],
  },
  {
    uscc: makeUscc('91', '330523', 'MA4F6H8K'), name: '安吉椅业示范股份有限公司（演示）', divisionCode: '330523', formerNames: ['安吉县椅业示范厂（演示）'],
    legalRepresentative: '潘国平', registeredAddress: '浙江省湖州市安吉县递铺街道椅业路 1 号', industryCode: '2190', foundedOn: '2001-06-18',
    registeredCapital: '12000', taxpayerType: 'general', creditRating: 'A', contactName: '潘婷', contactPhone: '13757203456', contactEmail: 'ir@ajyy-demo.example',
    figures: { 2024: f(680, '52000', '38000', '1900'), 2025: f(710, '56800', '40500', '2100') },
    tags: [
      { tag: 'above_scale', validFrom: '2010-01-01' },
      { tag: 'ipo_reserve', validFrom: '2025-02-15', note: '省级上市后备企业' },
      { tag: 'tech_sme', validFrom: '2021-01-01', validUntil: '2023-12-31' },
    ],
  },
  {
    uscc: makeUscc('91', '330502', 'MA5G7J9L'), name: '湖州吴兴快运示范有限公司（演示）', divisionCode: '330502100',
    legalRepresentative: '吴海', registeredAddress: '浙江省湖州市吴兴区织里镇物流园 12 号', industryCode: '5431', foundedOn: '2018-04-09',
    registeredCapital: '800', taxpayerType: 'general', creditRating: 'B', contactName: '吴小燕', contactPhone: '15857204567', contactEmail: null,
    figures: { 2024: f(45, '1800', '2200', '60'), 2025: f(52, '2100', '2500', '72') },
    tags: [],
  },
  {
    uscc: makeUscc('91', '330503', 'MA6H8K2M'), name: '南浔电机示范有限公司（演示）', divisionCode: '330503100',
    legalRepresentative: '邱建明', registeredAddress: '浙江省湖州市南浔区南浔镇电机产业园 5 号', industryCode: '3812', foundedOn: '2006-08-28',
    registeredCapital: '6800', taxpayerType: 'general', creditRating: 'A', contactName: '邱芳', contactPhone: '13567205678', contactEmail: 'sales@nxdj-demo.example',
    figures: { 2024: f(410, '36000', '28000', '1500'), 2025: f(450, '41200', '30100', '1680') },
    tags: [
      { tag: 'above_scale', validFrom: '2012-01-01' },
      { tag: 'specialised', validFrom: '2022-07-01', validUntil: '2025-06-30' },
      { tag: 'little_giant', validFrom: '2024-07-01', validUntil: '2027-06-30', note: '国家级专精特新“小巨人”（第六批）' },
    ],
  },
  {
    uscc: makeUscc('92', '330502', 'MA7J9L3N'), name: '湖州吴兴惠民超市示范店（演示）', divisionCode: '330502100',
    legalRepresentative: '孙梅', registeredAddress: '浙江省湖州市吴兴区织里镇利济路 23 号', industryCode: '5212', foundedOn: '2020-10-10',
    registeredCapital: '30', taxpayerType: 'small_scale', creditRating: 'M', contactName: '孙梅', contactPhone: '13967206789', contactEmail: null,
    figures: { 2024: f(8, '260', '90', '6'), 2025: f(9, '310.75', '95', '7.2') },
    tags: [],
  },
];

/** Fills in the registry for the demo enterprises (those demo-city.ts inserted, by key) and adds the others; runs inside the demo loader's transaction. */
export async function seedDemoEnterprises(trx: Transaction<Database>, idOfKey: (key: string) => string, now: Date): Promise<number> {
  for (const entry of demoRegistry) {
    const attributes = {
      former_names: entry.formerNames ?? [],
      legal_representative: entry.legalRepresentative,
      registered_address: entry.registeredAddress,
      industry_code: entry.industryCode,
      founded_on: entry.foundedOn,
      registered_capital_wan: entry.registeredCapital,
      taxpayer_type: entry.taxpayerType,
      credit_rating: entry.creditRating,
      contact_name: entry.contactName,
      contact_phone: entry.contactPhone,
      contact_email: entry.contactEmail,
      updated_at: now,
    };
    let id: string;
    if (entry.key) {
      id = idOfKey(entry.key);
      const { name } = await trx.selectFrom('enterprises').select('name').where('id', '=', id).executeTakeFirstOrThrow();
      await trx.updateTable('enterprises').set({ ...attributes, name_initials: nameInitials(name, attributes.former_names) }).where('id', '=', id).execute();
    } else {
      const row = await trx
        .insertInto('enterprises')
        .values({ uscc: entry.uscc!, name: entry.name!, division_code: entry.divisionCode!, ...attributes, name_initials: nameInitials(entry.name!, attributes.former_names), created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    for (const year of [2024, 2025] as const) {
      const fig = entry.figures[year];
      await trx
        .insertInto('enterprise_figures')
        .values({ enterprise_id: id, year, headcount: fig.headcount, revenue_wan: fig.revenue, assets_wan: fig.assets, tax_wan: fig.tax, source: 'manual', updated_at: now })
        .execute();
    }
    for (const tag of entry.tags) {
      await trx
        .insertInto('enterprise_tags')
        .values({ enterprise_id: id, tag: tag.tag, valid_from: tag.validFrom, valid_until: tag.validUntil ?? null, note: tag.note ?? null, set_at: now })
        .execute();
    }
    await refreshSizeClass(trx, id);
  }
  return demoRegistry.filter((e) => !e.key).length;
}
