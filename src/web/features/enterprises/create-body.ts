// From the create form's values to the POST body: trimmed text, blanks left out, dates as YYYY-MM-DD, money kept as decimal strings.
import type { CreateEnterpriseBody, EnterpriseTag } from '../../../shared/schemas/enterprises.ts';
import { normaliseUscc } from '../../../shared/uscc.ts';

export interface CreateFormValues {
  uscc: string;
  name: string;
  divisionCode: string;
  industryCode: string;
  /** YYYY-MM-DD */
  foundedOn: string;
  formerNames?: string[];
  legalRepresentative?: string;
  registeredAddress?: string;
  registeredCapital?: string;
  taxpayerType?: 'general' | 'small_scale' | null;
  creditRating?: 'A' | 'B' | 'M' | 'C' | 'D' | null;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  figuresYear?: number | null;
  headcount?: number | null;
  revenue?: string;
  assets?: string;
  tax?: string;
  tags?: EnterpriseTag[];
}

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);

export function createBody(values: CreateFormValues): CreateEnterpriseBody {
  const body: CreateEnterpriseBody = {
    uscc: normaliseUscc(values.uscc),
    name: values.name.trim(),
    divisionCode: values.divisionCode,
    industryCode: values.industryCode,
    foundedOn: values.foundedOn,
  };
  const formerNames = (values.formerNames ?? []).map((n) => n.trim()).filter(Boolean);
  if (formerNames.length) body.formerNames = formerNames;
  for (const key of ['legalRepresentative', 'registeredAddress', 'registeredCapital', 'contactName', 'contactPhone', 'contactEmail', 'revenue', 'assets', 'tax'] as const) {
    const value = text(values[key]);
    if (value !== undefined) (body as Record<string, unknown>)[key] = value;
  }
  if (values.taxpayerType) body.taxpayerType = values.taxpayerType;
  if (values.creditRating) body.creditRating = values.creditRating;
  if (values.headcount !== undefined && values.headcount !== null) body.headcount = values.headcount;
  const hasFigures = body.headcount !== undefined || body.revenue !== undefined || body.assets !== undefined || body.tax !== undefined;
  if (hasFigures && values.figuresYear) body.figuresYear = values.figuresYear;
  if (values.tags?.length) body.tags = values.tags;
  return body;
}
