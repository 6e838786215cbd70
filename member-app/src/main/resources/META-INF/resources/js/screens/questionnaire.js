// One questionnaire, drawn from its FHIR Questionnaire resource (GET /questionnaires/{code}): an integer item with a
// 0-10 range as eleven large tiles, a choice item as one tile per answer option. The answers go as a FHIR
// QuestionnaireResponse whose id is made here once (the idempotency key), kept on the device first and sent, like a
// session: without a network it waits and is sent later.
import { register, sendWaiting } from '../main.js';
import { call } from '../api.js';
import * as outbox from '../outbox.js';
import { h, choice, formValues, problemBox } from '../ui.js';
import { nameOf } from './questionnaires.js';

const EXT = 'http://hl7.org/fhir/StructureDefinition/';
const ext = (node, name) => (node.extension || []).find((e) => e.url === EXT + name);

/** The field of one item, or null for an item the member does not answer (read-only, a score worked out later). */
function field(item) {
  if (item.readOnly) return null;
  if (item.type === 'integer') {
    const min = ext(item, 'minValue')?.valueInteger ?? 0;
    const max = ext(item, 'maxValue')?.valueInteger ?? 10;
    const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    return choice(`q-${item.linkId}`, item.text, values.map((v) => [v, v]), { required: !!item.required, className: 'tiles pain' });
  }
  if (item.type === 'choice') {
    const options = (item.answerOption || []).map((o) => [o.valueCoding.code, o.valueCoding.display || o.valueCoding.code]);
    return choice(`q-${item.linkId}`, item.text, options, { required: !!item.required, className: options.length === 2 ? 'tiles yesno' : 'tiles' });
  }
  return null;
}

function answer(item, value) {
  if (item.type === 'integer') return { valueInteger: Number(value) };
  const option = item.answerOption.find((o) => o.valueCoding.code === value);
  return { valueCoding: { system: option.valueCoding.system, code: value, display: option.valueCoding.display } };
}

register('questionnaire', {
  title: 'Questionnaire',
  async render(app) {
    const wanted = app.state.questionnaire;
    if (!wanted?.code) {
      app.go('questionnaires');
      return h('p', {}, 'Choose a questionnaire.');
    }
    const q = await call('questionnaire', undefined, '', { code: wanted.code });
    const items = (q.item || []).filter((i) => field(i));
    const result = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'stack', novalidate: true },
      h('h2', {}, nameOf(wanted.code)),
      h('p', { class: 'lead' }, 'Choose one answer for each question.'),
      items.map(field),
      h('div', { id: 'questionnaire-problems' }),
      h('button', { type: 'submit', class: 'primary' }, 'Send my answers'),
      q.copyright ? h('p', { class: 'hint' }, q.copyright) : null);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = formValues(form);
      const missing = items.filter((i) => i.required && v.get(`q-${i.linkId}`) === null);
      if (missing.length) {
        form.querySelector('#questionnaire-problems').replaceChildren(h('p', { class: 'problem', role: 'alert' },
          `Please answer ${missing.length === 1 ? 'the question' : `${missing.length} questions`}: ${missing.map((i) => i.text).join('; ')}`));
        return;
      }
      const id = crypto.randomUUID();
      const body = {
        resourceType: 'QuestionnaireResponse', id, questionnaire: `${q.url}|${q.version}`, status: 'completed',
        authored: new Date().toISOString(),
        item: items.filter((i) => v.get(`q-${i.linkId}`) !== null)
          .map((i) => ({ linkId: i.linkId, text: i.text, answer: [answer(i, v.get(`q-${i.linkId}`))] })),
      };
      await outbox.keep('questionnaire', id, body, { code: wanted.code });
      await outbox.refresh();
      await sendWaiting({ redraw: false });
      const sent = app.state.lastSync?.sent?.find((s) => s.entry.id === id);
      const refused = app.state.lastSync?.refused?.find((s) => s.entry.id === id);
      const pathway = sent?.body?.pathway;
      result.replaceChildren(refused ? problemBox(refused.error)
        : h('div', { class: 'stack' },
          h('p', { role: 'status' }, sent ? 'Thank you: your answers were sent to your care team.' : 'Saved on this device: your answers are sent when you are back online.'),
          pathway?.note ? h('p', { class: 'note' }, pathway.note) : null,
          h('a', { class: 'button', href: '#/today' }, 'Back to today')));
      form.hidden = true;
      result.querySelector('p')?.focus?.();
    });
    return h('div', {}, form, result);
  },
});
