import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ApiError } from '../../api/client';
import { ForbiddenPage } from '../ResultPages';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type VerifyAnswer = Json<paths['/audit/verify']['post']['responses'][200]>;

/** /app/audit/verify — 校验: the hash-chain and file check, its digest, and where the record was altered. */
export function VerifyPage() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: async (): Promise<VerifyAnswer> => unwrap(await api.POST('/audit/verify', {})) });
  const result = verify.data;
  if (verify.error instanceof ApiError && verify.error.status === 403) return <ForbiddenPage />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('verify_title')}</Typography.Title>
        <Typography.Text type="secondary">{t('verify_intro')}</Typography.Text>
      </div>
      <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-run" style={{ alignSelf: 'flex-start' }}>
        {t('verify_run')}
      </Button>
      {verify.isError && <Alert type="error" showIcon title={t('error_title')} description={verify.error.message} />}
      {result && (
        <>
          <Alert
            type={result.intact ? 'success' : 'error'}
            showIcon
            title={<Typography.Text strong>{result.intact ? t('verify_intact') : t('verify_broken')}</Typography.Text>}
            data-testid={result.intact ? 'verify-intact' : 'verify-broken'}
          />
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('verify_digest')} span={2}>
                <Typography.Text code copyable data-testid="verify-digest" style={{ wordBreak: 'break-all' }}>{result.headsDigest}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('verify_streams')}>{result.streamsChecked}</Descriptions.Item>
              <Descriptions.Item label={t('verify_events')}>{result.eventsChecked}</Descriptions.Item>
              <Descriptions.Item label={t('verify_files')}>{result.filesChecked}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('verify_brokenLinks')}</Typography.Title>}>
            {result.brokenLinks.length === 0 ? (
              <Typography.Text type="secondary">{t('verify_none')}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(link) => `${link.stream}#${link.revision}`}
                dataSource={result.brokenLinks}
                data-testid="verify-broken-links"
                columns={[
                  { title: t('col_stream'), key: 'stream', render: (_v, link) => <Typography.Text code>{link.stream} #{link.revision}</Typography.Text> },
                  { title: t('verify_expected'), key: 'expected', render: (_v, link) => <Typography.Text code>{link.expected.slice(0, 16)}…</Typography.Text> },
                  { title: t('verify_found'), key: 'found', render: (_v, link) => <Typography.Text code>{link.found.slice(0, 16)}…</Typography.Text> },
                ]}
              />
            )}
          </Card>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('verify_damagedFiles')}</Typography.Title>}>
            {result.damagedFiles.length === 0 ? (
              <Typography.Text type="secondary">{t('verify_none')}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(file) => `${file.stream}#${file.revision}#${file.sha256}`}
                dataSource={result.damagedFiles}
                data-testid="verify-damaged-files"
                columns={[
                  { title: t('col_stream'), key: 'stream', render: (_v, file) => <Typography.Text code>{file.stream} #{file.revision}</Typography.Text> },
                  { title: t('col_detail'), key: 'name', render: (_v, file) => file.name },
                  { title: t('col_kind'), key: 'problem', render: (_v, file) => <Tag color="error">{t(file.problem === 'missing' ? 'verify_missing' : 'verify_damaged')}</Tag> },
                  { title: t('col_hash'), key: 'sha', render: (_v, file) => <Typography.Text code>{file.sha256.slice(0, 16)}…</Typography.Text> },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
