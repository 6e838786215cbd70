// The intake's outcome: the plan, or a referral (the safety message first) or a clinician's review, explained.
import { register } from '../main.js';
import { h, safetyBox } from '../ui.js';

register('intake-result', {
  title: 'Your answers',
  render(app) {
    const outcome = app.state.intakeOutcome;
    if (!outcome) return h('p', {}, h('a', { href: '#/intake' }, 'Take the intake'));
    if (outcome.outcome === 'REFERRED') {
      return h('div', { class: 'stack' },
        safetyBox(outcome.safety),
        h('h2', {}, 'A clinician needs to see you first'),
        h('p', { class: 'lead' }, 'Some of your answers mean exercise on your own is not safe until a clinician has checked. We have not made you a plan. Your care team has been told and will contact you.'),
        h('ul', {}, (outcome.reasons || []).map((r) => h('li', {}, r.reason))));
    }
    if (outcome.outcome === 'NEEDS_REVIEW') {
      return h('div', { class: 'stack' },
        h('h2', {}, 'A clinician will look at your answers'),
        h('p', { class: 'lead' }, 'We could not build a safe plan from your answers alone, so a clinician will review them and be in touch.'),
        outcome.reviewReason ? h('p', {}, outcome.reviewReason) : null);
    }
    return h('div', { class: 'stack' },
      h('h2', {}, 'Your plan is ready'),
      h('p', { class: 'lead' }, `${outcome.plan.sessionsPerWeek} sessions a week, about ${outcome.plan.minutesPerSession} minutes each.`),
      h('a', { class: 'button primary', href: '#/today' }, 'Start today\'s session'));
  },
});
