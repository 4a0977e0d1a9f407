import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { palette } from '../components/StatusTag';
import { useI18n } from '../i18n/i18n';
import { queryClient } from '../queries';
import type { TimelineAnswer } from './progress-queries';

type Phase = TimelineAnswer['phases'][number];

// The assignment tags' readable colours (dark text on a pale ground): waiting grey, open blue, closed green.
const waiting = palette('#4a4a4a', '#f3f3f3');
const open = palette('#0b4fa8', '#e8f1ff');
const closed = palette('#1e6b0a', '#eefbe7');

/**
 * 有序阶段 (ADR 0019): the undated phases (`after: previous`), each waiting for the phase before it
 * (待前一阶段结束), open, or closed. A planner ends an open one with "结束本阶段" after confirming:
 * the next undated phase opens and its work is issued. Nothing shown when the plan has none.
 */
export function OrderedPhases({ planId, phases, mayClose }: { planId: string; phases: Phase[]; mayClose: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const nameOf = (phaseId: string | undefined) => phases.find((p) => p.phaseId === phaseId)?.name ?? phaseId ?? '';
  const close = useMutation({
    mutationFn: async (phase: Phase) =>
      unwrap(await api.POST('/plans/{id}/phases/{phaseId}/close', { params: { path: { id: planId, phaseId: phase.phaseId } }, body: {} })),
    onSuccess: (_closed, phase) => {
      void message.success(t('phase_closedDone', { name: phase.name }));
      // The next phase is opened by the engine a moment later: ask again now and once more after it.
      const refresh = () => void queryClient.invalidateQueries({ queryKey: ['progress-timeline', planId] });
      refresh();
      setTimeout(refresh, 1500);
    },
    onError: (error: Error) => void message.error(error.message),
  });
  const undated = phases.filter((p) => p.opensAfter !== undefined);
  if (undated.length === 0) return null;
  const statusTag = (p: Phase) => {
    if (p.status === 'scheduled') return <Tag style={waiting} data-testid={`phase-waiting-${p.phaseId}`}>{t('phase_waiting')}</Tag>;
    if (p.status === 'open' || p.status === 'closing') return <Tag style={open}>{t('phase_open')}</Tag>;
    if (p.status === 'closed') return <Tag style={closed}>{t('phase_closed')}</Tag>;
    return <Tag style={waiting}>{t('phase_cancelled')}</Tag>;
  };
  return (
    <div data-testid="ordered-phases">
    <Table<Phase>
      size="small"
      rowKey="phaseId"
      dataSource={undated}
      pagination={false}
      columns={[
        { title: t('phase_name'), dataIndex: 'name' },
        { title: t('phase_opensWhen'), render: (_, p) => t('phase_opensAfter', { previous: nameOf(p.opensAfter) }) },
        { title: t('phase_status'), render: (_, p) => statusTag(p) },
        {
          title: '',
          render: (_, p) => {
            if (!mayClose || (p.status !== 'open' && p.status !== 'closing')) return null;
            const next = phases.find((q) => q.opensAfter === p.phaseId);
            return (
              <Popconfirm
                title={t('phase_closeTitle', { name: p.name })}
                description={next ? t('phase_closeNext', { next: next.name }) : t('phase_closeLast')}
                okText={t('confirm_ok')}
                cancelText={t('confirm_cancel')}
                // Resolved either way: a refusal is shown by onError, not thrown into the popover.
                onConfirm={() => new Promise<void>((resolve) => close.mutate(p, { onSettled: () => resolve() }))}
              >
                <Button size="small" danger loading={close.isPending && close.variables?.phaseId === p.phaseId} data-testid={`phase-close-${p.phaseId}`}>{t('phase_close')}</Button>
              </Popconfirm>
            );
          },
        },
      ]}
    />
    </div>
  );
}
