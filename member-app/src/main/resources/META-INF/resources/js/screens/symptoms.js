// Report a symptom: one tap from every screen (the shell's button). The report is kept on the device first,
// its advice shown at once from the advice kept on the device, then it is sent (first of everything waiting).
import { register, sendWaiting } from '../main.js';
import * as outbox from '../outbox.js';
import { h, safetyBox, formValues } from '../ui.js';

register('symptoms', {
  title: 'Report a symptom',
  async render(app) {
    const questions = (await app.loadQuestions()).filter((q) => q.kind !== 'CONTEXT');
    const result = h('div', { id: 'symptom-result' });
    const form = h('form', { class: 'stack', novalidate: true },
      h('p', { class: 'lead' }, 'Tick every symptom you have now. You will see what to do straight away.'),
      h('fieldset', { class: 'checks' }, h('legend', {}, 'Which of these do you have?'),
        questions.map((q) => h('div', { class: 'check' },
          h('input', { type: 'checkbox', name: 'symptom', id: `symptom-${q.code}`, value: q.code }),
          h('label', { for: `symptom-${q.code}` }, q.question)))),
      h('label', { for: 'symptom-note' }, 'Anything else your care team should know (optional)'),
      h('textarea', { id: 'symptom-note', name: 'note', maxlength: '2000', rows: '3' }),
      h('button', { type: 'submit', class: 'primary' }, 'Send the report'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = formValues(form);
      const codes = values.all('symptom');
      if (!codes.length) {
        result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, 'Tick at least one symptom.'));
        return;
      }
      const reportId = crypto.randomUUID();
      const body = { reportId, redFlagSymptoms: codes, note: values.get('note') || null, reportedAt: new Date().toISOString() };
      await outbox.keep('symptoms', reportId, body);
      await outbox.refresh();
      // Safety first: the advice kept on this device, before any answer from the network.
      result.replaceChildren(safetyBox(app.localSafety(codes), 'Your care team will be told. Your plan is paused until a clinician has looked.'));
      form.replaceWith(result);
      result.querySelector('h2')?.focus?.();
      await sendWaiting({ redraw: false });
      const waiting = (await outbox.waiting()).some((e) => e.id === reportId);
      result.append(h('p', { class: waiting ? 'waiting' : 'sent', id: 'symptom-status' },
        waiting ? 'Waiting to send: the report is saved on this device and will be sent first when you are back online.' : 'Sent to your care team.'));
    });
    return h('div', {}, result, form);
  },
});
