// After the session: what was logged, whether it is sent or waiting, and the safety message first if a red flag
// was reported.
import { register } from '../main.js';
import { h, safetyBox, problemBox } from '../ui.js';

register('summary', {
  title: 'Session saved',
  render(app) {
    const s = app.state.summary;
    if (!s) return h('p', {}, h('a', { href: '#/today' }, 'Today\'s session'));
    const done = s.body.exercises.filter((e) => e.status === 'DONE').length;
    return h('div', { class: 'stack' },
      safetyBox(s.answer?.safety || s.safety, 'Your plan is paused until a clinician has looked.'),
      s.refused ? problemBox(s.refused) : null,
      h('p', { class: s.waiting ? 'waiting' : 'sent', id: 'session-status' }, s.waiting
        ? 'Waiting to send: saved on this device. It will be sent when you are back online.'
        : 'Sent. Well done.'),
      h('dl', { class: 'figures' },
        h('dt', {}, 'Exercises done'), h('dd', {}, `${done} of ${s.body.exercises.length}`),
        h('dt', {}, 'Pain before, during, after'), h('dd', {}, `${s.body.painBefore}, ${s.body.painDuring}, ${s.body.painAfter}`),
        h('dt', {}, 'How hard'), h('dd', {}, s.body.effort.replace('_', ' ').toLowerCase())),
      h('a', { class: 'button', href: '#/progress' }, 'See your progress'));
  },
});
