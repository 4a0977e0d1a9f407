/*
 * Apache ECharts, only the parts the planners' pages draw (echarts/core + these charts and
 * components): the full build is four times the size. Imported only by lazily loaded pages, so it
 * stays out of the first load of 我的待办.
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, LineChart, ScatterChart, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type EChartsCore = ReturnType<typeof echarts.init>;
