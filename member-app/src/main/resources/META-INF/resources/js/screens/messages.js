// Messages with the care team: the thread (newest first, in pages), read receipts, and a message to send. Not for
// emergencies: the notice says so and points to "Report a symptom"; a message that names a red-flag symptom is
// answered with a pointer to the symptom report (and the thread is flagged for the clinician).
import { register } from '../main.js';
import { call, ApiError } from '../api.js';
import { h, problemBox } from '../ui.js';

const SIZE = 20;
const MAX = 2000;
/** The service sends the notice with every answer; this is what it says, for a screen drawn before any answer. */
const NOTICE = 'Messages are not read at once. For new or worse symptoms use Report a symptom.';

/** The app's own address of a path the service points to ("/symptoms" is the symptom report: #/symptoms). */
const appLink = (href) => `#/${String(href || '/symptoms').replace(/^[#/]+/, '')}`;

function noticeBox(text) {
  return h('p', { class: 'notice', id: 'messages-notice', role: 'note' }, text || NOTICE, ' ',
    h('a', { href: '#/symptoms' }, 'Report a symptom'));
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function messageItem(m) {
  const mine = m.author === 'MEMBER';
  return h('li', { class: mine ? 'mine' : 'theirs', id: `message-${m.id}` },
    h('p', { class: 'hint' }, h('strong', {}, mine ? 'You' : (m.authorName || 'Your care team')), ' · ',
      h('time', { datetime: m.sentAt }, when(m.sentAt))),
    h('p', { class: 'text' }, m.text),
    mine ? h('p', { class: 'hint receipt' }, m.readAt ? `Read by your care team ${when(m.readAt)}` : 'Not read yet') : null);
}

/** Marks the care team's messages on screen read, up to the newest of theirs (when any is unread). */
async function markRead(page) {
  if (!page.unread || page.page !== 0) return;
  const newest = (page.items || []).find((m) => m.author !== 'MEMBER');
  if (newest) await call('readMessages', { upTo: newest.id }).catch(() => {});
}

register('messages', {
  title: 'Messages',
  async render(app) {
    const pageNumber = app.state.messagesPage || 0;
    const root = h('div', { class: 'stack' });
    let page;
    try {
      page = await call('messages', undefined, `?page=${pageNumber}&size=${SIZE}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      root.append(noticeBox(), problemBox(e));
      return root;
    }
    markRead(page);
    const result = h('div', { id: 'message-result', 'aria-live': 'polite' });
    const error = h('p', { class: 'field-error', id: 'message-text-error', hidden: true });
    const text = h('textarea', { id: 'message-text', name: 'text', rows: '4', maxlength: String(MAX), required: true,
      'aria-describedby': 'message-text-hint message-text-error' });
    // One id per message written: a retry (no network, a lost answer) sends the same message once.
    let messageId = crypto.randomUUID();
    const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'h-write' },
      h('h2', { id: 'h-write' }, 'Write to your care team'),
      h('label', { for: 'message-text' }, 'Your message'),
      h('p', { class: 'hint', id: 'message-text-hint' }, `1 to ${MAX} characters.`),
      error, text,
      h('button', { type: 'submit', class: 'primary' }, 'Send'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = text.value.trim();
      const problem = !value ? 'Write a message first.' : value.length > MAX ? `At most ${MAX} characters (it has ${value.length}).` : null;
      error.hidden = !problem;
      error.textContent = problem || '';
      text.setAttribute('aria-invalid', problem ? 'true' : 'false');
      if (problem) return text.focus();
      try {
        const sent = await call('sendMessage', { id: messageId, text: value });
        messageId = crypto.randomUUID();
        text.value = '';
        list.prepend(messageItem(sent));
        result.replaceChildren(
          h('p', { class: 'sent', id: 'message-status' }, 'Sent to your care team.'),
          sent.pointer ? h('div', { class: 'safety', role: 'alert', id: 'message-pointer' },
            h('p', {}, sent.pointer.text), h('a', { class: 'button report', href: appLink(sent.pointer.href) }, 'Report a symptom')) : null);
        if (sent.pointer) result.querySelector('#message-pointer a').focus();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return app.signIn();
        const field = (e.problem?.errors || []).find((x) => x.field === 'text');
        if (field) {
          error.hidden = false;
          error.textContent = field.message;
          text.setAttribute('aria-invalid', 'true');
        } else {
          result.replaceChildren(problemBox(e));
        }
      }
    });
    const list = h('ol', { class: 'thread', id: 'thread', 'aria-label': 'Messages, newest first' }, (page.items || []).map(messageItem));
    const total = page.total || 0;
    const pager = h('nav', { class: 'pager', 'aria-label': 'Message pages' },
      pageNumber > 0 ? h('button', { type: 'button', onclick: () => { app.state.messagesPage = pageNumber - 1; app.go('messages'); } }, 'Newer') : null,
      (pageNumber + 1) * SIZE < total ? h('button', { type: 'button', id: 'older', onclick: () => { app.state.messagesPage = pageNumber + 1; app.go('messages'); } }, 'Older') : null);
    root.append(noticeBox(page.notice), form, result,
      h('h2', {}, 'Your messages'),
      total ? null : h('p', { class: 'hint', id: 'no-messages' }, 'No message yet.'),
      list,
      pager);
    app.state.messagesPage = 0;
    return root;
  },
});
