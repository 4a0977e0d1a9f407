import { Tag } from 'antd';
import type { AssignmentStatus } from '../api/client';
import { useI18n } from '../i18n/i18n';

// Dark text on a pale ground: readable (WCAG AA) at tag size, unlike some of antd's presets.
export const palette = (color: string, background: string) => ({ color, background, borderColor: color });
const colours: Record<AssignmentStatus, { color: string; background: string; borderColor: string }> = {
  issued: palette('#0b4fa8', '#e8f1ff'),
  acknowledged: palette('#2338a0', '#eef0ff'),
  in_progress: palette('#085f73', '#e6f8fb'),
  submitted: palette('#5b1fa8', '#f5eeff'),
  returned: palette('#9a3a00', '#fff3e8'),
  accepted: palette('#1e6b0a', '#eefbe7'),
  waived: palette('#4a4a4a', '#f3f3f3'),
  cancelled: palette('#4a4a4a', '#f3f3f3'),
};

export function StatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useI18n();
  return (
    <Tag style={colours[status]} data-testid="status-tag" data-status={status}>
      {t(`status_${status}`)}
    </Tag>
  );
}

export function EscalationTag({ level }: { level: number }) {
  const { t } = useI18n();
  if (level <= 0) return <span>{t('escalation_none')}</span>;
  return <Tag style={palette(level >= 2 ? '#a8071a' : '#9a3a00', level >= 2 ? '#fff1f0' : '#fff3e8')}>{t('escalation_level', { level })}</Tag>;
}
