// One curve chart of the report, drawn with Observable Plot: a step line per arm, told apart
// by colour and dash pattern, both shown in the legend with the arm's name (never colour alone). The figure carries a
// sentence that sums it up and the numbers week by week as a table for screen readers.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { useLanguage } from '../../i18n/index.js';
import { curveRows, lastWeek, valueAt, weekTable, type CurveArm, type CurveKey, type WeekTable } from './curves.js';
import { percent, wholePercent } from './figures.js';

const COLOURS = ['#0059b3', '#c2410c', '#15803d', '#7c3aed', '#a16207', '#be123c'];
const DASHES = ['none', '8,4', '2,3', '12,4,2,4', '4,4', '1,2'];
const WIDTH = 720;

interface CurveChartProps {
  id: string;
  kind: CurveKey;
  arms: readonly CurveArm[];
}

function useSummary(kind: CurveKey, arms: readonly CurveArm[]): string {
  const { t } = useTranslation();
  const language = useLanguage();
  const week = lastWeek(arms);
  if (week === 0) return t('experiments.charts.noWeeks');
  const parts = arms.map((arm) => {
    const value = valueAt(arm, kind, week);
    return t('experiments.charts.armValue', {
      arm: arm.label,
      value: value === null ? t('common.none') : percent(value, language),
    });
  });
  return t(`experiments.charts.${kind}.summary`, { week, values: parts.join('; ') });
}

function Legend({ arms }: { arms: readonly CurveArm[] }) {
  const { t } = useTranslation();
  return (
    <ul className="curve-legend nobullet-list" aria-label={t('experiments.charts.legend')}>
      {arms.map((arm, index) => (
        <li key={arm.arm}>
          <svg width="40" height="12" aria-hidden="true" focusable="false">
            <line
              x1="0"
              y1="6"
              x2="40"
              y2="6"
              stroke={COLOURS[index % COLOURS.length]}
              strokeWidth="3"
              strokeDasharray={DASHES[index % DASHES.length]}
            />
          </svg>{' '}
          {arm.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's numbers week by week, one column per arm, behind a DKFDS details element. */
function CurveTable({ title, table }: { title: string; table: WeekTable }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <details className="details">
      <summary className="details-summary">{t('experiments.charts.showTable', { title })}</summary>
      <div className="details-text">
        <ScrollRegion label={title}>
          <table className="table table--compact curve-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('experiments.charts.week')}</th>
                {table.arms.map((arm) => (
                  <th key={arm.arm} scope="col" className="align-text-right">
                    {arm.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.weeks.map((week, index) => (
                <tr key={week}>
                  <th scope="row">{week}</th>
                  {table.arms.map((arm) => {
                    const value = arm.values[index];
                    return (
                      <td key={arm.arm} className="align-text-right">
                        {value === null || value === undefined ? t('common.none') : percent(value, language)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </details>
  );
}

export function CurveChart({ id, kind, arms }: CurveChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const holder = useRef<HTMLDivElement>(null);
  const summary = useSummary(kind, arms);
  const title = t(`experiments.charts.${kind}.title`);
  const weeks = lastWeek(arms);

  useEffect(() => {
    const target = holder.current;
    if (target === null || weeks === 0) return;
    const rows = curveRows(arms, kind);
    const chart = Plot.plot({
      width: WIDTH,
      height: 320,
      marginLeft: 56,
      marginRight: 24,
      style: { fontSize: '14px', color: '#1a1a1a', background: 'transparent' },
      x: {
        label: t('experiments.charts.week'),
        domain: [0, weeks],
        grid: true,
        ticks: Math.min(weeks, 10),
        tickFormat: (week: number) => (Number.isInteger(week) ? String(week) : ''),
      },
      y: {
        label: t(`experiments.charts.${kind}.axis`),
        domain: [0, 1],
        grid: true,
        ticks: 5,
        tickFormat: (value: number) => wholePercent(value, language),
      },
      marks: [
        Plot.ruleY([0], { ariaHidden: 'true' }),
        ...arms.map((arm, index) =>
          Plot.line(
            rows.filter((row) => row.arm === arm.arm),
            {
              x: 'week',
              y: 'value',
              curve: 'step-after',
              stroke: COLOURS[index % COLOURS.length],
              strokeWidth: 2.5,
              strokeDasharray: DASHES[index % DASHES.length],
            },
          ),
        ),
      ],
    });
    // The figure's caption and summary name and describe the picture; the table gives its numbers.
    chart.setAttribute('role', 'img');
    // Inside an image the parts are presentational; Plot's own labels on groups would be prohibited ARIA.
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('aria-labelledby', `${id}-title`);
    chart.setAttribute('aria-describedby', `${id}-summary`);
    target.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [arms, id, kind, language, t, weeks]);

  const table = weekTable(arms, kind);
  return (
    <figure className="curve-chart" data-chart={kind} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`} className="curve-title">
          {title}
        </h3>
        <p id={`${id}-summary`}>{summary}</p>
      </figcaption>
      {weeks > 0 && <Legend arms={arms} />}
      <div ref={holder} className="curve-plot" />
      {weeks > 0 && <CurveTable title={title} table={table} />}
    </figure>
  );
}
