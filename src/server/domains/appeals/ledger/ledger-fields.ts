// The columns an old ledger may have: each field's Chinese header, its English key and the other names ledgers use for it.
import { normalizeWord } from './ledger-vocabulary.ts';

export const ledgerFields = {
  title: ['标题', '诉求标题', '事项标题'],
  content: ['内容', '诉求内容', '问题描述', '诉求描述'],
  channel: ['渠道', '来源渠道', '诉求渠道', '来源'],
  category: ['类别', '诉求类别', '分类', '问题类别'],
  urgency: ['紧急程度', '缓急程度'],
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码'],
  contactName: ['联系人', '联系人姓名'],
  contactPhone: ['联系电话', '电话', '联系方式'],
  submittedAt: ['受理时间', '提交时间', '登记时间', '来件时间'],
  assignedAt: ['交办时间', '派单时间', '转办时间'],
  department: ['主办部门', '承办部门', '责任单位', '承办单位'],
  signedAt: ['签收时间'],
  repliedAt: ['答复时间', '回复时间'],
  reply: ['答复内容', '回复内容', '办理情况'],
  resolution: ['办理结果', '答复结果'],
  followedUpAt: ['回访时间'],
  resolved: ['是否解决', '回访是否解决'],
  rating: ['满意度', '评价', '满意度评价'],
  closedAt: ['办结时间', '结案时间'],
} as const;

export type LedgerField = keyof typeof ledgerFields;

/** The name used in messages about a field missing from the file. */
export const fieldLabel = (field: LedgerField): string => ledgerFields[field][0];

const byHeader = new Map<string, LedgerField>();
for (const [field, names] of Object.entries(ledgerFields) as Array<[LedgerField, readonly string[]]>) {
  byHeader.set(normalizeWord(field), field);
  for (const name of names) byHeader.set(normalizeWord(name), field);
}

/** A header cell to its field: exact names, English keys in any case, with marks such as "*" or "（必填）" dropped. */
export function fieldOfHeader(header: string): LedgerField | null {
  const cleaned = header.replace(/[*＊]/g, '').replace(/[（(](必填|选填|可选|required|optional)[）)]/gi, '');
  return byHeader.get(normalizeWord(cleaned)) ?? null;
}
