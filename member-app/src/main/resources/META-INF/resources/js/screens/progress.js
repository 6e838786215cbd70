// Progress: pain against the baseline (a chart, and the same figures in a table), adherence, streak, milestone.
import { register } from '../main.js';
import { call, ApiError } from '../api.js';
import { h } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  children.forEach((c) => el.append(c));
  return el;
}

/** A line of the weekly mean pain before sessions, with the baseline as a dashed line; 0-10 upwards. */
function chart(weeks, baseline) {
  const width = 320; const height = 160; const pad = 24;
  const x = (i) => pad + (weeks.length < 2 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (weeks.length - 1));
  const y = (p) => height - pad - (p * (height - 2 * pad)) / 10;
  const points = weeks.map((w, i) => [w, i]).filter(([w]) => w.meanPainBefore !== null);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', class: 'chart' },
    s('title', { id: 'chart-title' }, `Pain before sessions, week by week, against your starting pain of ${baseline}`),
    s('line', { x1: pad, x2: width - pad, y1: y(baseline), y2: y(baseline), class: 'baseline' }),
    s('text', { x: width - pad, y: y(baseline) - 4, 'text-anchor': 'end', class: 'label' }, `start ${baseline}`));
  if (points.length) {
    svg.append(s('polyline', { points: points.map(([w, i]) => `${x(i)},${y(Number(w.meanPainBefore))}`).join(' '), class: 'pain' }));
    points.forEach(([w, i]) => svg.append(s('circle', { cx: x(i), cy: y(Number(w.meanPainBefore)), r: 4, class: 'pain-dot' })));
  }
  return svg;
}

register('progress', {
  title: 'Your progress',
  async render() {
    let p;
    try {
      p = await call('progress');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return h('p', { class: 'lead' }, 'Your figures appear here after your first session.');
      throw e;
    }
    const weeks = p.weeks || [];
    const total = weeks.reduce((n, w) => n + w.sessionsDone, 0);
    // changePoints is the baseline minus the latest pain: positive when the pain fell.
    const change = p.changePoints === null ? 'not yet measured'
      : p.changePoints === 0 ? 'the same as at the start'
        : `${Math.abs(p.changePoints)} point${Math.abs(p.changePoints) === 1 ? '' : 's'} ${p.changePoints > 0 ? 'lower' : 'higher'}${p.changePercent === null ? '' : ` (${Math.abs(p.changePercent)}%)`}`;
    return h('div', { class: 'stack' },
      h('dl', { class: 'figures' },
        h('dt', {}, 'Starting pain'), h('dd', {}, p.baselinePain ?? '–'),
        h('dt', {}, 'Latest pain'), h('dd', {}, p.latestPain ?? '–'),
        h('dt', {}, 'Change'), h('dd', {}, change),
        h('dt', {}, 'Sessions done'), h('dd', { id: 'sessions-total' }, total),
        h('dt', {}, 'Streak'), h('dd', {}, `${p.currentStreakWeeks} week${p.currentStreakWeeks === 1 ? '' : 's'} with 3 or more sessions`),
        h('dt', {}, 'First two weeks'), h('dd', {}, p.earlyMilestoneReached ? `Milestone reached: ${p.sessionsFirst14Days} sessions` : `${p.sessionsFirst14Days} of 6 sessions for the first milestone`)),
      p.meaningfulChangeReached ? h('p', { class: 'sent' }, 'Your pain has fallen by a meaningful amount. Keep going.') : null,
      h('figure', {}, chart(weeks, p.baselinePain ?? 0), h('figcaption', {}, 'Pain before sessions each week (the line) and your starting pain (dashed).')),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'weeks-caption' }, h('table', { id: 'weeks' },
        h('caption', { id: 'weeks-caption' }, 'Week by week'),
        h('thead', {}, h('tr', {}, ['Week from', 'Sessions', 'Adherence', 'Pain before', 'Worst during'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, weeks.map((w) => h('tr', {},
          h('th', { scope: 'row' }, w.weekStart), h('td', {}, `${w.sessionsDone} of ${w.sessionsPrescribed}`),
          h('td', {}, w.adherencePercent === null ? '–' : `${w.adherencePercent}%`),
          h('td', {}, w.meanPainBefore ?? '–'), h('td', {}, w.meanWorstPainDuring ?? '–')))))));
  },
});
