// Import of enterprises from xlsx/csv in four steps: choose the file, map its columns, a dry run listing every bad row (row, column, reason), then the import as a job with progress.
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, InputNumber, Progress, Radio, Result, Select, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { enterpriseKeys, fetchJob, startImport, type ImportMode, type JobError, type JobStatus } from './api.ts';
import {
  choicesFromReport,
  csvHeaders,
  guessedChoices,
  importFields,
  isJobFailed,
  isJobFinished,
  jobPercent,
  mappingProblems,
  mappingToSend,
  sortedErrors,
  type ColumnChoice,
  type ColumnChoices,
  type ImportField,
} from './import-mapping.ts';
import './messages.ts';

/** The first 64 KiB of a file as text (FileReader: also where Blob.text is missing). */
function readStart(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file.slice(0, 64 * 1024), 'utf-8');
  });
}

type Step = 'upload' | 'mapping' | 'check' | 'apply';
const stepOrder: Step[] = ['upload', 'mapping', 'check', 'apply'];

/** Polls a job every second until it finishes. */
function useJob(jobId: string | null) {
  return useQuery({
    queryKey: enterpriseKeys.job(jobId ?? ''),
    queryFn: () => fetchJob(jobId!),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && isJobFinished(query.state.data) ? false : 1000),
  });
}

function JobProgress({ job }: { job: JobStatus | undefined }) {
  const { t } = useTranslation();
  if (!job) return <Progress percent={0} status="active" />;
  const finished = isJobFinished(job);
  return (
    <div data-testid="import-progress" data-status={job.status}>
      <Progress percent={jobPercent(job)} status={isJobFailed(job) ? 'exception' : finished ? 'success' : 'active'} />
      <Typography.Text type="secondary">
        {t(`enterprisesPage.import.statuses.${job.status}`)} ·{' '}
        {job.total ? t('enterprisesPage.import.progress', { processed: job.processed, total: job.total }) : t('enterprisesPage.import.progressUnknown', { processed: job.processed })}
      </Typography.Text>
    </div>
  );
}

export function ImportErrorsTable({ errors, total }: { errors: readonly JobError[]; total: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<JobError & { key: string }>
        size="small"
        data-testid="import-errors"
        dataSource={sortedErrors(errors).map((e, i) => ({ ...e, key: `${i}` }))}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'row', title: t('enterprisesPage.import.row'), width: 80, render: (_, e) => (e.row > 0 ? e.row : '—') },
          { key: 'column', title: t('enterprisesPage.import.column'), width: 160, render: (_, e) => e.column ?? t('enterprisesPage.import.wholeRow') },
          { key: 'message', title: t('enterprisesPage.import.reason'), dataIndex: 'message' },
        ]}
      />
      {total > errors.length && <Typography.Text type="secondary">{t('enterprisesPage.import.moreErrors', { shown: errors.length, total })}</Typography.Text>}
    </>
  );
}

export default function EnterpriseImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [acceptUnits, setAcceptUnits] = useState(false);
  const [mode, setMode] = useState<ImportMode>('valid-rows');
  const [checkJobId, setCheckJobId] = useState<string | null>(null);
  const [applyJobId, setApplyJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const checkJob = useJob(checkJobId);
  const applyJob = useJob(applyJobId);

  const choose = async (chosen: File) => {
    setFile(chosen);
    setError(null);
    setCheckJobId(null);
    setApplyJobId(null);
    setChoices(chosen.name.toLowerCase().endsWith('.csv') ? guessedChoices(csvHeaders(await readStart(chosen))) : {});
    setStep('mapping');
  };

  const reset = () => {
    setStep('upload');
    setFile(null);
    setChoices({});
    setAcceptUnits(false);
    setCheckJobId(null);
    setApplyJobId(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    setError(null);
    try {
      const { jobId } = await startImport({ file, dryRun, mode, mapping: mappingToSend(choices), year, acceptUnits });
      if (dryRun) {
        setCheckJobId(jobId);
        setStep('check');
      } else {
        setApplyJobId(jobId);
        setStep('apply');
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setStarting(false);
    }
  };

  // The dry run's report says how each header was understood: that becomes the mapping shown (and sent with the import).
  const checked = checkJob.data && isJobFinished(checkJob.data) ? checkJob.data : undefined;
  const reportColumns = checked?.result?.columns;
  useEffect(() => {
    if (reportColumns?.length) setChoices(choicesFromReport(reportColumns));
  }, [reportColumns]);
  const applied = applyJob.data && isJobFinished(applyJob.data) ? applyJob.data : undefined;
  const appliedOk = !!applied && !isJobFailed(applied);
  useEffect(() => {
    if (appliedOk) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
  }, [appliedOk, queryClient]);

  const headers = Object.keys(choices);
  const problems = mappingProblems(choices);
  const mappingBlocked = problems.duplicates.length > 0 || problems.missing.length > 0;
  const fieldLabel = (field: ImportField) => t(`enterprisesPage.import.fields.${field}`);
  const report = checked?.result ?? null;
  const errorCount = checked?.errorCount ?? 0;
  const applyBlocked = !report || isJobFailed(checked!) || report.valid === 0 || (mode === 'all-or-nothing' && errorCount > 0);
  const appliedReport = applied?.result ?? null;

  return (
    <div data-testid="page-enterprise-import">
      <PageTitle title={t('enterprisesPage.import.title')} description={t('enterprisesPage.import.intro')} />
      <Card>
        <Steps current={stepOrder.indexOf(step)} style={{ marginBottom: 24 }} items={stepOrder.map((s) => ({ title: t(`enterprisesPage.import.steps.${s}`) }))} responsive />
        <ErrorAlert error={error} />

        {step === 'upload' && (
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('enterprisesPage.import.drop')}</p>
          </Upload.Dragger>
        )}

        {step === 'mapping' && (
          <Flex vertical gap={12}>
            <Typography.Text strong>{file?.name}</Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }}>{headers.length ? t('enterprisesPage.import.mappingIntro') : t('enterprisesPage.import.mappingFromServer')}</Typography.Paragraph>
            {headers.length > 0 && (
              <Table<{ header: string }>
                size="small"
                rowKey="header"
                pagination={false}
                data-testid="import-mapping"
                dataSource={headers.map((header) => ({ header }))}
                columns={[
                  { key: 'header', title: t('enterprisesPage.import.header'), dataIndex: 'header' },
                  {
                    key: 'field',
                    title: t('enterprisesPage.import.field'),
                    render: (_, { header }) => (
                      <Select<ColumnChoice>
                        style={{ width: 220 }}
                        value={choices[header]}
                        onChange={(value) => setChoices({ ...choices, [header]: value })}
                        options={[
                          { value: 'auto', label: t('enterprisesPage.import.auto') },
                          { value: 'ignore', label: t('enterprisesPage.import.ignore') },
                          ...importFields.map((f) => ({ value: f, label: fieldLabel(f) })),
                        ]}
                        data-testid={`mapping-${header}`}
                      />
                    ),
                  },
                ]}
              />
            )}
            {problems.duplicates.length > 0 && <Alert type="error" showIcon title={t('enterprisesPage.import.duplicateField', { fields: problems.duplicates.map(fieldLabel).join('、') })} />}
            {problems.missing.length > 0 && <Alert type="error" showIcon title={t('enterprisesPage.import.missingFields', { fields: problems.missing.map(fieldLabel).join('、') })} />}
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('enterprisesPage.import.year')}</Typography.Text>
              <InputNumber min={1949} max={2200} precision={0} value={year} onChange={(value) => setYear(value ?? new Date().getFullYear() - 1)} data-testid="import-year" />
              <Typography.Text type="secondary">{t('enterprisesPage.import.yearHint')}</Typography.Text>
            </Flex>
            <Flex justify="flex-end" gap={8}>
              <Button onClick={reset}>{t('enterprisesPage.import.back')}</Button>
              <Button type="primary" disabled={mappingBlocked} loading={starting} onClick={() => void run(true)} data-testid="import-check">
                {t('enterprisesPage.import.check')}
              </Button>
            </Flex>
          </Flex>
        )}

        {step === 'check' && (
          <Flex vertical gap={12}>
            {!checked && <JobProgress job={checkJob.data} />}
            <ErrorAlert error={checkJob.error} />
            {checked && isJobFailed(checked) && <Alert type="error" showIcon title={t('enterprisesPage.import.failed')} description={checked.failure ?? undefined} />}
            {checked && report && !isJobFailed(checked) && (
              <>
                <Alert
                  data-testid="import-check-summary"
                  type={errorCount ? 'warning' : 'success'}
                  showIcon
                  title={t('enterprisesPage.import.checked', { total: report.total, valid: report.valid, errors: errorCount })}
                  description={errorCount === 0 ? t('enterprisesPage.import.allGood') : undefined}
                />
                {errorCount > 0 && <ImportErrorsTable errors={checked.errors} total={errorCount} />}
                <Checkbox
                  checked={acceptUnits}
                  onChange={(event) => {
                    setAcceptUnits(event.target.checked);
                    setStep('mapping');
                  }}
                >
                  {t('enterprisesPage.import.acceptUnits')}
                </Checkbox>
                <div>
                  <Typography.Text strong>{t('enterprisesPage.import.mode')}</Typography.Text>
                  <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)} style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}>
                    <Radio value="valid-rows" data-testid="import-mode-valid-rows">
                      {t('enterprisesPage.import.modes.valid-rows')}
                    </Radio>
                    <Radio value="all-or-nothing" data-testid="import-mode-all-or-nothing">
                      {t('enterprisesPage.import.modes.all-or-nothing')}
                    </Radio>
                  </Radio.Group>
                </div>
              </>
            )}
            <Flex justify="flex-end" gap={8}>
              <Button onClick={() => setStep('mapping')}>{t('enterprisesPage.import.back')}</Button>
              <Button type="primary" disabled={applyBlocked} loading={starting} onClick={() => void run(false)} data-testid="import-apply">
                {t('enterprisesPage.import.apply')}
              </Button>
            </Flex>
          </Flex>
        )}

        {step === 'apply' && (
          <Flex vertical gap={12}>
            <JobProgress job={applyJob.data} />
            <ErrorAlert error={applyJob.error} />
            {applied && (
              <Result
                data-testid="import-done"
                status={isJobFailed(applied) || !appliedReport?.applied ? 'error' : applied.errorCount ? 'warning' : 'success'}
                title={
                  isJobFailed(applied) || !appliedReport
                    ? t('enterprisesPage.import.failed')
                    : !appliedReport.applied
                      ? t('enterprisesPage.import.notApplied', { errors: applied.errorCount })
                      : t('enterprisesPage.import.done', { created: appliedReport.created, updated: appliedReport.updated, unchanged: appliedReport.unchanged, errors: applied.errorCount })
                }
                subTitle={applied.failure ?? undefined}
                extra={[
                  <Button key="again" onClick={reset}>
                    {t('enterprisesPage.import.again')}
                  </Button>,
                  <Link key="list" to="/enterprises">
                    <Button type="primary" data-testid="import-to-list">
                      {t('enterprisesPage.import.toList')}
                    </Button>
                  </Link>,
                ]}
              />
            )}
            {applied && applied.errorCount > 0 && <ImportErrorsTable errors={applied.errors} total={applied.errorCount} />}
          </Flex>
        )}
      </Card>
    </div>
  );
}
