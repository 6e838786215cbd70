// A suspended plan: why, what to do now, and that the care team will be in touch.
import { register } from '../main.js';
import { call } from '../api.js';
import { h } from '../ui.js';

register('suspended', {
  title: 'Your plan is paused',
  async render(app) {
    let reason = app.state.suspended?.detail;
    if (!reason) {
      const plan = await call('plan');
      if (plan.status !== 'SUSPENDED') {
        app.go('today');
        return h('p', {}, 'Your plan is running again.');
      }
      reason = plan.suspension?.reason;
    }
    return h('div', { class: 'stack' },
      h('section', { class: 'safety', role: 'alert' },
        h('h2', {}, 'Do not start a session for now.'),
        h('p', {}, reason || 'A symptom you reported needs a clinician to look first.')),
      h('p', { class: 'lead' }, 'Your care team has been told and will be in touch. Once a clinician has looked, your plan will start again here.'),
      h('p', {}, 'If your symptoms get worse, or you lose control of your bladder or bowels, or feel numb between your legs, get emergency care now.'));
  },
});
