// Today's session: every exercise with its steps, what you may feel, tips and dose (a timer for holds and timed
// doses), done or skipped with a reason, then pain before, during and after, effort and a note. The log is kept
// on the device under its sessionId first, then sent; without a network it waits and is sent later.
import { register, sendWaiting } from '../main.js';
import { call } from '../api.js';
import * as outbox from '../outbox.js';
import { h, choice, painScale, safetyBox, formValues } from '../ui.js';

export function doseText(dose) {
  const parts = [];
  const sets = dose.sets > 1 ? `${dose.sets} sets of ` : '';
  if (dose.reps) parts.push(`${sets}${dose.reps} repetitions`);
  else if (dose.holdSeconds) parts.push(`${sets}a ${dose.holdSeconds}-second hold`);
  if (dose.reps && dose.holdSeconds) parts.push(`hold each ${dose.holdSeconds} s`);
  if (dose.durationSeconds) parts.push(`${sets}${Math.round(dose.durationSeconds / 60) || 1} minute${dose.durationSeconds >= 120 ? 's' : ''}`);
  if (dose.perSide) parts.push('each side');
  if (dose.restSeconds && dose.sets > 1) parts.push(`rest ${dose.restSeconds} s between sets`);
  return parts.join(', ');
}

function timer(seconds, label) {
  const out = h('output', { 'aria-live': 'polite', class: 'timer-out' }, `${seconds} s`);
  let handle = null;
  const button = h('button', { type: 'button', class: 'timer' }, `Start ${label} timer (${seconds} s)`);
  button.addEventListener('click', () => {
    if (handle) { clearInterval(handle); handle = null; button.textContent = `Start ${label} timer (${seconds} s)`; return; }
    let left = seconds;
    out.textContent = `${left} s`;
    button.textContent = 'Stop the timer';
    handle = setInterval(() => {
      left -= 1;
      out.textContent = left > 0 ? `${left} s` : 'Done';
      if (left <= 0) { clearInterval(handle); handle = null; button.textContent = `Start ${label} timer (${seconds} s)`; }
    }, 1000);
  });
  return h('div', { class: 'timer-row' }, button, out);
}

const list = (title, items) => (items?.length ? h('div', {}, h('h4', {}, title), h('ul', {}, items.map((i) => h('li', {}, i)))) : null);

function exerciseCard(item, index) {
  const skip = h('div', { hidden: true },
    h('label', { for: `skip-${index}` }, 'Why did you skip it?'),
    h('select', { id: `skip-${index}`, name: `skip-${item.slug}` },
      h('option', { value: 'PAIN' }, 'It hurt'), h('option', { value: 'TOO_HARD' }, 'Too hard'),
      h('option', { value: 'NO_TIME' }, 'No time'), h('option', { value: 'OTHER' }, 'Another reason')));
  const status = choice(`status-${item.slug}`, `Did you do ${item.name}?`, [['DONE', 'Done'], ['SKIPPED', 'Skipped']], {
    className: 'tiles yesno', onchange: (e) => { skip.hidden = e.target.value !== 'SKIPPED'; },
  });
  const d = item.dose;
  return h('article', { class: 'exercise', 'aria-labelledby': `ex-${index}` },
    h('h3', { id: `ex-${index}` }, `${index + 1}. ${item.name}`),
    h('p', { class: 'dose' }, doseText(d)),
    d.holdSeconds ? timer(d.holdSeconds, 'hold') : null,
    d.durationSeconds ? timer(d.durationSeconds, 'exercise') : null,
    item.description ? h('p', {}, item.description) : null,
    item.steps?.length ? h('div', {}, h('h4', {}, 'Steps'), h('ol', {}, item.steps.map((s) => h('li', {}, s)))) : null,
    list('What you may feel', item.mayFeel),
    list('Tips', item.tips),
    list('Avoid', item.commonMistakes),
    item.reason ? h('p', { class: 'reason' }, h('strong', {}, 'Why it is in your plan: '), item.reason) : null,
    status, skip);
}

register('today', {
  title: 'Today\'s session',
  async render(app) {
    const today = await call('today');
    app.state.today = today;
    const questions = await app.loadQuestions().catch(() => []);
    const safetyArea = h('div', { 'aria-live': 'assertive' });
    const form = h('form', { class: 'stack', novalidate: true, id: 'session-form' },
      h('p', { class: 'lead' }, `Session ${today.sessionNumber} of ${today.sessionsPerWeek} this week · about ${Math.round(today.estimatedSeconds / 60)} minutes · ${today.doneThisWeek} done so far`),
      painScale('painBefore', 'Pain before you start'),
      today.exercises.map(exerciseCard),
      painScale('painDuring', 'Worst pain during the session'),
      painScale('painAfter', 'Pain now, after the session'),
      choice('effort', 'How hard did it feel?', [['TOO_EASY', 'Too easy'], ['JUST_RIGHT', 'Just right'], ['TOO_HARD', 'Too hard']]),
      h('label', { for: 'session-note' }, 'A note for your care team (optional)'),
      h('textarea', { id: 'session-note', name: 'note', maxlength: '2000', rows: '3' }),
      h('fieldset', { class: 'checks' }, h('legend', {}, 'Did any of these start during or since the session?'),
        questions.filter((q) => q.kind === 'REFERRAL').map((q) => h('div', { class: 'check' },
          h('input', { type: 'checkbox', name: 'redFlag', id: `rf-${q.code}`, value: q.code,
            onchange: () => safetyArea.replaceChildren(safetyBox(app.localSafety(formValues(form).all('redFlag'))) || '') }),
          h('label', { for: `rf-${q.code}` }, q.question)))),
      h('div', { id: 'session-problems' }),
      h('button', { type: 'submit', class: 'primary' }, 'Save the session'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = formValues(form);
      const missing = ['painBefore', 'painDuring', 'painAfter', 'effort'].filter((k) => v.get(k) === null)
        .concat(today.exercises.filter((e) => v.get(`status-${e.slug}`) === null).map((e) => e.name));
      if (missing.length) {
        form.querySelector('#session-problems').replaceChildren(h('p', { class: 'problem', role: 'alert' }, `Please answer: ${missing.join(', ')}.`));
        return;
      }
      const sessionId = crypto.randomUUID();
      const body = {
        sessionId, planVersion: today.planVersion, sessionNumber: today.sessionNumber, performedAt: new Date().toISOString(),
        exercises: today.exercises.map((e) => {
          const status = v.get(`status-${e.slug}`);
          return { slug: e.slug, status, skipReason: status === 'SKIPPED' ? v.get(`skip-${e.slug}`) : null };
        }),
        painBefore: Number(v.get('painBefore')), painDuring: Number(v.get('painDuring')), painAfter: Number(v.get('painAfter')),
        effort: v.get('effort'), note: v.get('note') || null, redFlagSymptoms: v.all('redFlag'),
      };
      await outbox.keep('session', sessionId, body);
      await outbox.refresh();
      const result = await sendWaiting({ redraw: false }).then(() => outbox.waiting());
      const stillWaiting = result.some((e) => e.id === sessionId);
      const sent = app.state.lastSync?.sent?.find((s) => s.entry.id === sessionId);
      const refused = app.state.lastSync?.refused?.find((s) => s.entry.id === sessionId);
      app.go('summary', { body, waiting: stillWaiting, answer: sent?.body, refused: refused?.error, safety: app.localSafety(body.redFlagSymptoms) });
    });
    // Questionnaires due: a prompt above the session, filled in when the list comes (the session does not wait).
    const prompt = h('div', {});
    call('myQuestionnaires').then((mine) => {
      if (!mine?.due?.length) return;
      prompt.replaceChildren(h('section', { class: 'prompt', 'aria-labelledby': 'q-due' },
        h('h2', { id: 'q-due' }, mine.due.length === 1 ? 'A short questionnaire is due' : `${mine.due.length} short questionnaires are due`),
        h('a', { class: 'button', href: '#/questionnaires' }, 'Answer now')));
    }).catch(() => {});
    return h('div', {}, safetyArea, prompt, form);
  },
});
