// Your data (issue 25): a copy of everything Limber holds about the member (one JSON file, routine-service's
// export), who of the care team looked at it (progress-service's access log, by name, in pages), and deleting the
// account behind a confirmation (routine-service's erasure request), which then signs the member out.
import { register } from '../main.js';
import { call, download, ApiError } from '../api.js';
import { h, problemBox } from '../ui.js';

const SIZE = 20;
const CONFIRM_WORD = 'DELETE';
const ROLES = { clinician: 'Clinician', admin: 'Administrator' };
const STATUS = {
  IN_PROGRESS: 'Your data is being deleted in every part of Limber.',
  COMPLETED: 'Your data has been deleted.',
  HELD: 'Your request is recorded, but it waits: your clinical record must be kept for now (a legal hold).',
};

function when(iso) {
  return iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function downloadSection() {
  const status = h('div', { id: 'export-status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'export-download' }, 'Download my data');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.replaceChildren(h('p', { class: 'hint' }, 'Preparing your file…'));
    try {
      const today = new Date().toISOString().slice(0, 10);
      const { blob, filename } = await download('exportData', `limber-export-${today}.json`);
      const address = URL.createObjectURL(blob);
      const link = h('a', { href: address, download: filename, id: 'export-link' }, `Save ${filename} again`);
      status.replaceChildren(h('p', { class: 'sent' }, `Your file ${filename} is ready. `), link);
      link.click();
      setTimeout(() => URL.revokeObjectURL(address), 60000);
    } catch (e) {
      status.replaceChildren(problemBox(e));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'stack', 'aria-labelledby': 'h-export' },
    h('h2', { id: 'h-export' }, 'Download my data'),
    h('p', {}, 'One file (JSON) with everything Limber holds about you: your intake answers, plans and their changes, '
      + 'sessions, symptom reports, progress, questionnaires, reminders, messages and who looked at your data.'),
    button, status);
}

function accessItem(entry) {
  const who = entry.actorName || 'A member of the care team';
  const role = ROLES[entry.actorRole] || entry.actorRole || '';
  const what = entry.operation === 'CHANGE' ? 'changed' : 'looked at';
  return h('li', {},
    h('strong', {}, who), role ? ` (${role})` : '', ` ${what} your ${entry.resource || 'data'} · `,
    h('time', { datetime: entry.accessedAt }, when(entry.accessedAt)));
}

function accessSection() {
  const list = h('ul', { class: 'thread', id: 'access-log' });
  const status = h('div', { id: 'access-status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'access-more', hidden: true }, 'Show more');
  let next = 0;
  async function load(first) {
    more.disabled = true;
    try {
      const page = await call('accessLog', undefined, `?page=${next}&size=${SIZE}`);
      list.append(...(page.items || []).map(accessItem));
      next = page.page + 1;
      more.hidden = next * page.size >= page.total;
      status.replaceChildren(page.total ? h('p', { class: 'hint' }, `${list.children.length} of ${page.total} shown, newest first.`)
        : h('p', { id: 'access-none' }, 'Nobody of the care team has looked at your data yet.'));
    } catch (e) {
      if (first === true && e instanceof ApiError && e.status === 401) throw e;
      status.replaceChildren(problemBox(e));
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => load(false));
  const section = h('section', { class: 'stack', 'aria-labelledby': 'h-access' },
    h('h2', { id: 'h-access' }, 'Who looked at my data'),
    h('p', {}, 'Every time a clinician or an administrator reads or changes your data, Limber records who, what and when.'),
    list, status, more);
  return { section, load };
}

function deleteSection(app) {
  const error = h('p', { class: 'field-error', id: 'erase-confirm-error', hidden: true });
  const result = h('div', { id: 'erase-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', id: 'erase-form', novalidate: true, 'aria-labelledby': 'h-erase' },
    h('h2', { id: 'h-erase' }, 'Delete my account'),
    h('p', {}, 'Deleting your account erases, in every part of Limber, your intake answers, plans, sessions, symptom '
      + 'reports, progress, questionnaires, reminders and messages, and then your sign-in. It cannot be undone.'),
    h('p', {}, 'What is kept: the record of who looked at your data stays, with your name and id replaced by a code '
      + 'nobody can trace back to you. Counts in reports stay anonymous. If your clinical record must be kept '
      + '(a legal hold), the deletion waits until the hold ends.'),
    h('p', { class: 'hint' }, 'Download your data first if you want a copy.'),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'erase-understood', name: 'understood', required: true }),
      h('label', { for: 'erase-understood' }, 'I understand that my data will be erased and cannot be brought back')),
    h('label', { for: 'erase-confirm' }, `Type ${CONFIRM_WORD} to confirm`),
    h('input', { type: 'text', id: 'erase-confirm', name: 'confirm', autocomplete: 'off', spellcheck: 'false',
      maxlength: '20', 'aria-describedby': 'erase-confirm-error' }),
    error,
    h('button', { type: 'submit', class: 'primary danger', id: 'erase-submit' }, 'Delete my account'),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = form.elements.confirm.value.trim();
    if (!form.elements.understood.checked || typed !== CONFIRM_WORD) {
      error.textContent = `Tick the box and type ${CONFIRM_WORD} (in capitals) to delete your account.`;
      error.hidden = false;
      form.elements.confirm.setAttribute('aria-invalid', 'true');
      return;
    }
    error.hidden = true;
    form.elements.confirm.removeAttribute('aria-invalid');
    form.querySelector('#erase-submit').disabled = true;
    try {
      const request = await call('erase', {});
      result.replaceChildren(
        h('p', { class: 'sent', id: 'erase-status', 'data-status': request.status }, STATUS[request.status] || `Status: ${request.status}`),
        request.holdReason ? h('p', {}, request.holdReason) : null,
        h('p', {}, 'You are being signed out.'));
      setTimeout(() => app.signOut(), 5000);
    } catch (e) {
      form.querySelector('#erase-submit').disabled = false;
      result.replaceChildren(problemBox(e));
    }
  });
  return form;
}

register('your-data', {
  title: 'Your data',
  async render(app) {
    const access = accessSection();
    const root = h('div', { class: 'stack' }, downloadSection(), access.section, deleteSection(app));
    await access.load(true);
    return root;
  },
});
