// The app's shell: a registry of screens and a router over the location's hash. Each screen is a module that
// registers itself with a title and a render function answering its element; a new screen (a questionnaire, say)
// is one more module of the same kind, added to SCREENS below (messages and reminders are two).
import * as auth from './auth.js';
import { configure, call, ApiError } from './api.js';
import { h } from './ui.js';

const registry = new Map();
let outbox = null;

/** Registers a screen: name (the hash, #/name), title, render(app, params) answering an element (or a promise of one). */
export function register(name, screen) {
  registry.set(name, screen);
}

/** The screens' modules (one screen each, named as its module), loaded when first shown; the service worker keeps them all. */
const SCREENS = ['welcome', 'intake', 'intake-result', 'today', 'summary', 'progress', 'plan', 'symptoms', 'suspended', 'messages', 'reminders', 'questionnaires', 'questionnaire', 'your-data'];

/** What the screens share: navigation, the member, the screening questions, the last answers kept in memory. */
export const app = {
  state: {},
  go(name, state) {
    if (state) app.state[name] = state;
    if (location.hash === `#/${name}`) show();
    else location.hash = `#/${name}`;
  },
  signedIn: () => auth.signedIn(),
  who: () => auth.who(),
  signIn: (register) => auth.signIn(register),
  /** Signs out: the copies kept on this device are deleted, then Keycloak's session ends. */
  async signOut() {
    await caches.delete('limber-data').catch(() => {});
    auth.signOut();
  },
  questions: null,
  async loadQuestions() {
    app.questions ||= await call('questions');
    return app.questions;
  },
  /** The safety message the service would give for these codes, from the advice kept on this device. */
  localSafety(codes) {
    const picked = (app.questions || []).filter((q) => codes.includes(q.code) && q.advice);
    if (!picked.length) return null;
    picked.sort((a, b) => (a.urgency === b.urgency ? 0 : a.urgency === 'EMERGENCY_TODAY' ? -1 : 1));
    return { urgency: picked[0].urgency, headline: picked[0].headline, symptoms: picked.map((q) => ({ redFlag: q.code, advice: q.advice })) };
  },
};

const main = () => document.getElementById('screen');

let shown = 0;

async function show() {
  // A screen whose data comes after another screen was asked for is not drawn over it.
  const turn = ++shown;
  const name = location.hash.replace(/^#\/?/, '') || (auth.signedIn() ? 'home' : 'welcome');
  if (name === 'home') return home();
  const known = SCREENS.includes(name) ? name : 'welcome';
  if (!registry.has(known)) await import(`./screens/${known}.js`);
  const screen = registry.get(known);
  const target = main();
  target.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  let content;
  try {
    content = await screen.render(app);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.problem.type?.endsWith('/plan-suspended')) {
      app.state.suspended = e.problem;
      return app.go('suspended');
    }
    if (e instanceof ApiError && e.status === 401) return auth.signIn();
    content = h('div', { class: 'problem', role: 'alert' }, h('p', {}, e.status === 0 ? 'There is no network, and this screen has not been saved on this device yet.' : e.message));
  }
  if (turn !== shown) return;
  document.title = `${screen.title} · Limber`;
  target.replaceChildren(h('h1', { id: 'screen-title', tabindex: '-1' }, screen.title), content);
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!app.firstShow) document.getElementById('screen-title').focus();
  app.firstShow = false;
}

/** Where a signed-in member starts: the intake before any plan, the suspended screen while held, else today. */
async function home() {
  try {
    const plan = await call('plan');
    app.state.plan = plan;
    app.go(plan.status === 'SUSPENDED' ? 'suspended' : 'today');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) app.go('intake');
    else app.go('today');
  }
}

function showWaiting(entries) {
  const bar = document.getElementById('waiting');
  const sessions = entries.filter((e) => e.kind === 'session').length;
  const answers = entries.filter((e) => e.kind === 'questionnaire').length;
  const reports = entries.length - sessions - answers;
  const parts = [];
  if (sessions) parts.push(`${sessions} session${sessions > 1 ? 's' : ''}`);
  if (reports) parts.push(`${reports} symptom report${reports > 1 ? 's' : ''}`);
  if (answers) parts.push(`${answers} questionnaire${answers > 1 ? 's' : ''}`);
  bar.textContent = parts.length ? `Waiting to send: ${parts.join(' and ')} (saved on this device; sent when you are back online).` : '';
  bar.hidden = !parts.length;
}

/** Sends what waits, when signed in; screens that show figures are drawn again after. */
export async function sendWaiting({ redraw = true } = {}) {
  if (!auth.signedIn() || !outbox) return;
  const result = await outbox.send();
  if (result.sent.length) {
    // What the service now holds moved on (the next session of the week, the figures): the copies the service
    // worker keeps for offline use are fetched again, so a session done offline next is the right one.
    await Promise.allSettled(['today', 'plan', 'progress', 'myQuestionnaires'].map((name) => call(name)));
  }
  if (result.sent.length || result.refused.length) {
    app.state.lastSync = result;
    if (redraw && ['progress', 'today'].includes(location.hash.replace('#/', ''))) show();
  }
}

async function start() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  const config = await (await fetch('/config.json')).json();
  configure(config);
  let returnTo = null;
  // The sign-in page's address is needed only to sign in, or when coming back from it: a first visit is not kept
  // waiting for it.
  const discovery = auth.init(config);
  if (auth.returning()) {
    try {
      await discovery;
      returnTo = await auth.completeSignIn();
    } catch (e) {
      app.state.signInProblem = e.message;
    }
  } else {
    discovery.catch(() => {});
  }
  document.getElementById('sign-out').addEventListener('click', () => app.signOut());
  document.getElementById('signed-in').hidden = !auth.signedIn();
  app.loadQuestions().catch(() => {});
  app.firstShow = true;
  window.addEventListener('hashchange', show);
  window.addEventListener('online', sendWaiting);
  setInterval(sendWaiting, 15000);
  if (returnTo !== null && returnTo !== '' && returnTo !== '#/welcome') location.hash = returnTo;
  await show();
  document.body.dataset.ready = String(Math.round(performance.now()));
  // What waits on the device is looked at after the first screen, which does not wait for it.
  outbox = await import('./outbox.js');
  outbox.onChange(showWaiting);
  await outbox.refresh();
  sendWaiting();
}

start();
