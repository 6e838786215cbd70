// The questionnaires due now (PEG, STarT Back) from routine-service, each one tap from here, and those answered.
import { register } from '../main.js';
import { call } from '../api.js';
import { h, words } from '../ui.js';

const NAMES = { PEG: 'Pain, enjoyment of life and activity (PEG)', STARTBACK: 'How back pain affects you (STarT Back)' };
export const nameOf = (code) => NAMES[code] || code;

register('questionnaires', {
  title: 'Questionnaires',
  async render(app) {
    const mine = await call('myQuestionnaires');
    const due = mine.due || [];
    return h('div', { class: 'stack' },
      due.length
        ? h('div', {},
          h('p', { class: 'lead' }, 'Your care team asks these now. Each takes a minute or two.'),
          h('ul', { class: 'plain' }, due.map((d) => h('li', {},
            h('button', { type: 'button', class: 'primary', onclick: () => app.go('questionnaire', { code: d.questionnaire, timepoint: d.timepoint }) },
              `Answer: ${nameOf(d.questionnaire)}`),
            h('p', { class: 'hint' }, `${words(d.timepoint)} · due since ${d.dueSince}`)))))
        : h('p', {}, 'Nothing to answer now. You will be asked again later in your program.'),
      (mine.answered || []).length
        ? h('div', {}, h('h2', {}, 'Answered'),
          h('ul', {}, mine.answered.map((a) => h('li', {},
            `${nameOf(a.questionnaire)}, ${words(a.timepoint)}: ${new Date(a.authoredAt).toLocaleDateString()}`
              + (a.questionnaire === 'PEG' ? ` (score ${a.score.toFixed(1)} of 10)` : '')))))
        : null);
  },
});
