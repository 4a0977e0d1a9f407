import { Button, Card, Col, Input, Row, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { departmentsFileNamed, schoolCalendarFileNamed, type PlanFiles } from '../../api/plan-files';
import { useI18n } from '../../i18n/i18n';

const ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain';

interface FileBoxProps {
  label: string;
  help: string;
  placeholder: string;
  value: { name: string; text: string };
  onChange(value: { name: string; text: string }): void;
  rows: number;
  testId: string;
}

/** One file: a text box to paste into, and a button that reads a chosen file into it (nothing is uploaded yet). */
function FileBox({ label, help, placeholder, value, onChange, rows, testId }: FileBoxProps) {
  const { t } = useI18n();
  const lines = value.text ? value.text.split('\n').length : 0;
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <label htmlFor={`${testId}-text`} style={{ fontWeight: 600 }}>{label}</label>
        <Typography.Text type="secondary">{help}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => onChange({ name: file.name, text }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} size="small" data-testid={`${testId}-upload`}>{t('src_upload')}</Button>
        </Upload>
        {value.text && <Button size="small" type="text" onClick={() => onChange({ name: '', text: '' })} data-testid={`${testId}-clear`}>{t('src_clear')}</Button>}
      </div>
      <Input.TextArea
        id={`${testId}-text`}
        data-testid={`${testId}-text`}
        value={value.text}
        onChange={(event) => onChange({ name: value.name, text: event.target.value })}
        placeholder={placeholder}
        rows={rows}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", Menlo, Consolas, monospace', fontSize: 13 }}
      />
      {value.name && <Typography.Text type="secondary" data-testid={`${testId}-loaded`}>{t('src_loaded', { name: value.name, lines })}</Typography.Text>}
    </Space>
  );
}

/** The plan definition and, when the plan names them, its departments file (departmentsFile) and its 校历 file (schoolCalendarFile). */
export function PlanSourceInput({ value, onChange }: { value: PlanFiles; onChange(value: PlanFiles): void }) {
  const { t } = useI18n();
  const departments = departmentsFileNamed(value.plan.text);
  const calendar = schoolCalendarFileNamed(value.plan.text);
  const showDepartments = Boolean(departments || value.departments.text);
  const showCalendar = Boolean(calendar || value.schoolCalendar.text);
  const sideBySide = showDepartments || showCalendar;
  return (
    <Card size="small">
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={sideBySide ? 14 : 24}>
          <FileBox
            label={t('src_plan')} help={t('src_planHelp')} placeholder={t('src_placeholderPlan')} rows={14} testId="plan-source"
            value={value.plan} onChange={(plan) => onChange({ ...value, plan })}
          />
        </Col>
        {sideBySide && (
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {showDepartments && (
                <FileBox
                  label={t('src_departments')} help={t('src_departmentsHelp', { name: departments ?? 'departments.yaml' })}
                  placeholder={t('src_placeholderDepartments')} rows={showCalendar ? 6 : 14} testId="departments-source"
                  value={value.departments} onChange={(next) => onChange({ ...value, departments: next })}
                />
              )}
              {showCalendar && (
                <FileBox
                  label={t('src_schoolCalendar')} help={t('src_schoolCalendarHelp', { name: calendar ?? 'xiaoli.yaml' })}
                  placeholder={t('src_placeholderSchoolCalendar')} rows={showDepartments ? 6 : 14} testId="school-calendar-source"
                  value={value.schoolCalendar} onChange={(next) => onChange({ ...value, schoolCalendar: next })}
                />
              )}
            </Space>
          </Col>
        )}
        {!sideBySide && value.plan.text && <Col span={24}><Typography.Text type="secondary">{t('src_departmentsNotNeeded')}</Typography.Text></Col>}
      </Row>
    </Card>
  );
}
