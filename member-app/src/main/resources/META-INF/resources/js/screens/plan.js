// The plan: its weeks, each item with its reason, what it leaves out and why, and what changed and why.
import { register } from '../main.js';
import { call } from '../api.js';
import { h } from '../ui.js';
import { doseText } from './today.js';

register('plan', {
  title: 'Your plan',
  async render() {
    const plan = await call('plan');
    const changes = await call('changes', undefined, '?size=20').catch(() => ({ items: [] }));
    const started = new Date(`${plan.startDate}T00:00:00Z`);
    const week = Math.max(1, Math.floor((Date.now() - started.getTime()) / (7 * 86400000)) + 1);
    return h('div', { class: 'stack' },
      plan.status === 'SUSPENDED' ? h('p', { class: 'safety', role: 'alert' }, plan.suspension?.reason || 'Your plan is paused.') : null,
      h('p', { class: 'lead' }, `Week ${week} of your plan (started ${plan.startDate}) · ${plan.sessionsPerWeek} sessions a week, about ${plan.minutesPerSession} minutes each · version ${plan.version}`),
      (plan.due || []).map((d) => h('p', { class: 'waiting' }, `${d.reason} ${d.action}`)),
      plan.sessions.map((session) => h('section', { 'aria-labelledby': `session-${session.number}` },
        h('h2', { id: `session-${session.number}` }, `Session ${session.number} of each week`),
        h('ul', { class: 'items' }, session.items.map((item) => h('li', {},
          h('strong', {}, item.name), item.paused ? ' (paused)' : '', ` · ${doseText(item.dose)}`,
          h('p', { class: 'reason' }, item.reason)))))),
      plan.excluded?.length ? h('section', { 'aria-labelledby': 'left-out' }, h('h2', { id: 'left-out' }, 'Left out for you'),
        h('ul', {}, plan.excluded.slice(0, 20).map((x) => h('li', {}, h('strong', {}, x.name), `: ${x.reason}`)))) : null,
      h('section', { 'aria-labelledby': 'changes' }, h('h2', { id: 'changes' }, 'What changed and why'),
        changes.items?.length
          ? h('ul', {}, changes.items.map((c) => h('li', {}, `${c.at.slice(0, 10)} · version ${c.version} · ${c.kind.toLowerCase()} ${c.slug}: ${c.reason}`)))
          : h('p', {}, 'Nothing has changed yet.')),
      (plan.notes || []).length ? h('section', {}, h('h2', {}, 'Notes'), h('ul', {}, plan.notes.map((n) => h('li', {}, n)))) : null);
  },
});
