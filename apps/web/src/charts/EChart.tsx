import { useEffect, useRef } from 'react';
import { echarts, type EChartsCore } from './echarts';

type Option = Parameters<EChartsCore['setOption']>[0];

/**
 * One ECharts canvas: created once, given each new option whole (notMerge), resized with its box,
 * disposed with the component. `onReady` hands the instance out (zoom buttons dispatch actions).
 */
export function EChart({ option, height, label, onReady, testId }: { option: Option; height: number; label: string; onReady?: (chart: EChartsCore) => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsCore | null>(null);
  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    if (chart.current) onReady?.(chart.current);
  }, [option, onReady]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
