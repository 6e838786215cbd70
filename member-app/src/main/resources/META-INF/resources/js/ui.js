// Small DOM helpers shared by the screens: elements, the 0-10 pain scale, choices, and the safety message.

/** An element: h('p', {class: 'x'}, 'text', child...). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${++ids}`;

/**
 * A group of radio buttons shown as large tiles (each at least 44 px), with a legend; arrow keys move between
 * them as in any radio group. options: [[value, label], ...].
 */
export function choice(name, legend, options, { required = true, hint, className = 'tiles', onchange } = {}) {
  const hintId = hint ? uid('hint') : null;
  return h('fieldset', { class: className, 'aria-describedby': hintId },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('div', { class: 'tile-row' }, options.map(([value, label]) => {
      const id = uid(name);
      return h('span', { class: 'tile' },
        h('input', { type: 'radio', name, id, value, required, onchange }),
        h('label', { for: id }, label));
    })));
}

/** The 0-10 pain scale: eleven large tiles, 0 no pain and 10 the worst imaginable. */
export function painScale(name, legend) {
  return choice(name, legend, Array.from({ length: 11 }, (_, i) => [String(i), String(i)]), {
    hint: '0 is no pain, 10 the worst pain you can imagine.', className: 'tiles pain',
  });
}

/** Checkboxes; options: [[value, label], ...]. */
export function checks(name, legend, options, hint) {
  return h('fieldset', { class: 'tiles' },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('div', { class: 'tile-row' }, options.map(([value, label]) => {
      const id = uid(name);
      return h('span', { class: 'tile' }, h('input', { type: 'checkbox', name, id, value }), h('label', { for: id }, label));
    })));
}

/** The safety message, large and first: its headline, then what to do for each symptom. */
export function safetyBox(safety, extra) {
  if (!safety) return null;
  return h('section', { class: `safety ${safety.urgency === 'EMERGENCY_TODAY' ? 'emergency' : ''}`, role: 'alert', 'aria-labelledby': 'safety-headline' },
    h('h2', { id: 'safety-headline' }, safety.headline),
    h('ul', {}, (safety.symptoms || []).map((s) => h('li', {}, s.advice))),
    extra ? h('p', {}, extra) : null);
}

/** A problem+json made readable: its detail and each field error. */
export function problemBox(error) {
  const problem = error.problem || {};
  const text = error.status === 0 ? 'There is no network. Try again when you are back online.' : (problem.detail || problem.title || error.message);
  return h('div', { class: 'problem', role: 'alert' },
    h('p', {}, text),
    problem.errors?.length ? h('ul', {}, problem.errors.map((e) => h('li', {}, `${e.field}: ${e.message}`))) : null);
}

export function formValues(form) {
  const data = new FormData(form);
  return { get: (k) => data.get(k), all: (k) => data.getAll(k) };
}

export const words = (code) => code.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
