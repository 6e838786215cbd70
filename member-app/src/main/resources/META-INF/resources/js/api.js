// The services (catalog, routine, progress, engagement), called with the member's bearer token. Every call of the app is listed in CALLS (method,
// service, path), which the build checks against the services' OpenAPI documents.
import { accessToken } from './auth.js';

export const CALLS = {
  questions: ['GET', 'routine', '/screening/questions'],
  intake: ['POST', 'routine', '/members/me/intake'],
  plan: ['GET', 'routine', '/members/me/plan'],
  today: ['GET', 'routine', '/members/me/plan/today'],
  changes: ['GET', 'routine', '/members/me/plan/changes'],
  logSession: ['POST', 'routine', '/members/me/sessions'],
  reportSymptoms: ['POST', 'routine', '/members/me/symptoms'],
  progress: ['GET', 'progress', '/members/me/progress'],
  reminders: ['GET', 'engagement', '/members/me/reminders'],
  saveReminders: ['PUT', 'engagement', '/members/me/reminders'],
  vapidKey: ['GET', 'engagement', '/push/vapid-public-key'],
  subscribePush: ['POST', 'engagement', '/members/me/push-subscriptions'],
  unsubscribePush: ['DELETE', 'engagement', '/members/me/push-subscriptions'],
  messages: ['GET', 'engagement', '/members/me/messages'],
  sendMessage: ['POST', 'engagement', '/members/me/messages'],
  readMessages: ['POST', 'engagement', '/members/me/messages/read'],
  myQuestionnaires: ['GET', 'routine', '/members/me/questionnaires'],
  questionnaire: ['GET', 'routine', '/questionnaires/{code}'],
  answerQuestionnaire: ['POST', 'routine', '/members/me/questionnaires/{code}/responses'],
  exportData: ['GET', 'routine', '/members/me/export'],
  accessLog: ['GET', 'progress', '/members/me/access-log'],
  erase: ['POST', 'routine', '/members/me/erasure'],
};

let settings;
export function configure(config) {
  settings = config;
}

/** A problem+json answer (or a network failure: status 0), kept whole for the screens to explain. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || (status ? `error ${status}` : 'No network'));
    this.status = status;
    this.problem = problem || {};
  }
}

/** The call's address: its path with each {name} filled from params, then the query. */
export function url(call, query = '', params = {}) {
  const [, service, path] = CALLS[call];
  const filled = path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
  return `${settings[`${service}Url`]}${filled}${query}`;
}

/** The copy the service worker kept of a GET (the plan, today's session, the progress, the questions), or null. */
async function kept(address) {
  try {
    const hit = await (await caches.open('limber-data')).match(address);
    return hit ? hit.json() : null;
  } catch (e) {
    return null;
  }
}

/**
 * Calls one operation; answers its JSON body, or throws an ApiError (status 0 without a network). A GET without
 * a network answers the copy kept on the device when there is one.
 */
export async function call(name, body, query = '', params = {}) {
  const [method] = CALLS[name];
  const address = url(name, query, params);
  if (method === 'GET' && !navigator.onLine) {
    const hit = await kept(address);
    if (hit) return hit;
  }
  const headers = { Accept: 'application/json' };
  const token = await accessToken().catch(() => null);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(address, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    const hit = method === 'GET' ? await kept(address) : null;
    if (hit) return hit;
    throw new ApiError(0, null);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * A GET answered as a file (the member's export): its body as a Blob and the name the service gives it
 * (Content-Disposition), or throws an ApiError as call() does. Never answered from a copy kept on the device.
 */
export async function download(name, fallbackName) {
  const headers = { Accept: 'application/json' };
  const token = await accessToken().catch(() => null);
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(url(name), { headers, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
    throw new ApiError(response.status, problem);
  }
  const named = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
  return { blob: await response.blob(), filename: named ? named[1] : fallbackName };
}
