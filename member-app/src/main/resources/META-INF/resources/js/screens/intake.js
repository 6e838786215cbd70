// First use: the intake. Every screening question in the service's own words, each needing a yes or a no; a
// yes to a referral question shows its safety advice at once, large and first.
import { register } from '../main.js';
import { call, ApiError } from '../api.js';
import { h, choice, checks, painScale, safetyBox, problemBox, formValues } from '../ui.js';

const CONDITIONS = [
  ['NON_SPECIFIC_LOW_BACK_PAIN', 'Low back pain (a strain, sprain or no clear cause)'],
  ['SCIATICA', 'Sciatica (pain running down a leg)'],
  ['DISC_HERNIATION', 'A bulging or slipped disc'],
  ['OSTEOARTHRITIS', 'Wear and tear (osteoarthritis)'],
  ['SPINAL_STENOSIS', 'Narrowing of the spinal canal (stenosis)'],
  ['SPONDYLOLISTHESIS', 'A slipped vertebra (spondylolisthesis)'],
  ['INFLAMMATORY_ARTHRITIS', 'Inflammatory arthritis of the spine'],
  ['DESK_POSTURE', 'Stiffness from sitting at a desk'],
  ['OSTEOPOROSIS', 'Osteoporosis (weak bones)'],
  ['PREGNANCY', 'I am pregnant'],
];
const GOALS = [['REDUCE_PAIN', 'Less pain'], ['MOVE_MORE_EASILY', 'Move more easily'], ['LIFT_SAFELY', 'Lift safely'],
  ['SIT_LONGER', 'Sit for longer'], ['STAY_ACTIVE', 'Stay active'], ['PREVENT_RECURRENCE', 'Keep it from coming back']];
const EQUIPMENT = [['MAT', 'A mat'], ['CHAIR', 'A chair'], ['TOWEL', 'A towel'], ['RESISTANCE_BAND', 'A resistance band'],
  ['FOAM_ROLLER', 'A foam roller'], ['LIGHT_WEIGHTS', 'Light weights']];
const YES_NO = [['true', 'Yes'], ['false', 'No']];

register('intake', {
  title: 'About your back',
  async render(app) {
    const questions = await app.loadQuestions();
    // The idempotency key of this intake: a retry after a lost answer makes no second plan version.
    const intakeId = crypto.randomUUID();
    const alertArea = h('div', { id: 'intake-safety', 'aria-live': 'assertive' });
    const problems = h('div', { id: 'intake-problems' });
    const showSafety = () => {
      const yes = [...form.querySelectorAll('input[data-flag]:checked')].filter((i) => i.value === 'true').map((i) => i.dataset.flag);
      alertArea.replaceChildren(safetyBox(app.localSafety(yes), 'Finish and send your answers so your care team is told; do not start exercises.') || '');
    };
    const surgeryDate = h('div', { id: 'surgery-date', hidden: true },
      h('label', { for: 'surgeryDate' }, 'When was the surgery?'), h('input', { type: 'date', id: 'surgeryDate', name: 'surgeryDate' }));
    const form = h('form', { class: 'stack', novalidate: true, id: 'intake-form' },
      h('p', { class: 'lead' }, 'A few questions so that your plan is safe and right for you. It takes about five minutes.'),
      checks('conditions', 'What do you know about your back pain?', CONDITIONS, 'Tick all that apply.'),
      painScale('painNow', 'How bad is your pain right now?'),
      painScale('painTypical', 'How bad has it been on a typical day this week?'),
      choice('duration', 'How long have you had this pain?', [['UNDER_6_WEEKS', 'Under 6 weeks'], ['WEEKS_6_TO_12', '6 to 12 weeks'], ['OVER_12_WEEKS', 'Over 12 weeks']]),
      choice('spineSurgery', 'Have you had surgery on your spine?', YES_NO, {
        onchange: (e) => { surgeryDate.hidden = e.target.value !== 'true'; },
      }),
      surgeryDate,
      h('section', { class: 'stack', 'aria-labelledby': 'safety-questions' },
        h('h2', { id: 'safety-questions' }, 'Safety questions'),
        h('p', {}, 'Please answer every one. Some back pain needs a clinician before exercise; these questions find it.'),
        questions.map((q) => {
          const group = choice(`flag-${q.field}`, q.question, YES_NO, { className: 'tiles yesno', onchange: showSafety });
          group.querySelectorAll('input').forEach((i) => { i.dataset.flag = q.code; i.dataset.field = q.field; });
          return group;
        })),
      checks('goals', 'What would you like to get back to?', GOALS, 'Tick at least one.'),
      checks('equipment', 'What do you have at home?', EQUIPMENT, 'Tick any you have; nothing is needed.'),
      checks('cannotGetInto', 'Is any of these not possible for you?', [['FLOOR', 'Getting down to the floor'], ['KNEELING', 'Kneeling']]),
      choice('minutesPerSession', 'How many minutes can you give each session?', [['10', '10'], ['15', '15'], ['20', '20'], ['30', '30']]),
      choice('sessionsPerWeek', 'How many sessions a week?', [['3', '3'], ['4', '4'], ['5', '5']]),
      choice('experience', 'How used to exercise are you?', [['BEGINNER', 'New to it'], ['INTERMEDIATE', 'Some'], ['ADVANCED', 'Very']]),
      choice('directionalPreference', 'Which eases your pain?', [['FLEXION', 'Bending forward'], ['EXTENSION', 'Arching back'], ['NEITHER', 'Neither']], { required: false }),
      problems,
      h('button', { type: 'submit', class: 'primary' }, 'Send my answers'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = formValues(form);
      const number = (k) => (v.get(k) === null ? null : Number(v.get(k)));
      const bool = (k) => (v.get(k) === null ? null : v.get(k) === 'true');
      const surgery = bool('spineSurgery');
      const conditions = v.all('conditions');
      if (surgery) conditions.push('SPINE_SURGERY');
      const body = {
        intakeId, conditions, painNow: number('painNow'), painTypical: number('painTypical'), duration: v.get('duration'),
        spineSurgery: surgery, surgeryDate: surgery ? v.get('surgeryDate') || null : null,
        redFlags: Object.fromEntries(questions.map((q) => [q.field, bool(`flag-${q.field}`)])),
        goals: v.all('goals'), equipment: ['NONE', ...v.all('equipment')], cannotGetInto: v.all('cannotGetInto'),
        minutesPerSession: number('minutesPerSession'), sessionsPerWeek: number('sessionsPerWeek'),
        experience: v.get('experience'), directionalPreference: v.get('directionalPreference') || 'NEITHER',
      };
      try {
        app.state.intakeOutcome = await call('intake', body);
        app.go('intake-result');
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        problems.replaceChildren(problemBox(e));
        problems.querySelector('[role=alert]').focus?.();
      }
    });
    return h('div', {}, alertArea, form);
  },
});
