import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { StatisticsDimension, StatisticsQuery } from '../../generated/operations';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Cell = StatisticsQuery['statistics']['cells'][number];

/**
 * Counts along one place dimension (grid or community), one bar series per combination of the
 * other dimensions; a suppressed cell is drawn as an empty grey bar labelled 已抑制, never as zero.
 */
export function StatisticsChart({ cells, along, title }: { cells: Cell[]; along: StatisticsDimension; title: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const places = [...new Set(cells.map((cell) => cell.group.find((part) => part.dimension === along)?.value ?? ''))].sort();
    const seriesKey = (cell: Cell) =>
      cell.group
        .filter((part) => part.dimension !== along)
        .map((part) => part.value)
        .join(' · ') || '人数';
    const seriesNames = [...new Set(cells.map(seriesKey))].sort();
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { show: seriesNames.length > 1, top: 0 },
      grid: { left: 48, right: 16, top: seriesNames.length > 1 ? 36 : 24, bottom: 32 },
      xAxis: { type: 'category', data: places },
      yAxis: { type: 'value', minInterval: 1 },
      series: seriesNames.map((name) => ({
        name,
        type: 'bar',
        stack: 'cells',
        data: places.map((place) => {
          const cell = cells.find(
            (candidate) => seriesKey(candidate) === name && candidate.group.some((part) => part.dimension === along && part.value === place),
          );
          if (!cell) return 0;
          if (cell.suppressed)
            return { value: 0, itemStyle: { color: '#b8bfcc' }, label: { show: true, position: 'top', formatter: '已抑制', color: '#505a6b' } };
          return cell.count ?? 0;
        }),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [cells, along]);
  return (
    <figure className="chart card">
      <figcaption>{title}</figcaption>
      <div ref={element} className="chart-canvas" role="img" aria-label={title} data-testid={`chart-${along}`} />
    </figure>
  );
}
