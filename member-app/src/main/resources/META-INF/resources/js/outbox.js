// What the member logs waits here (IndexedDB) until the service has it: each entry keyed by its idempotency key
// (a session's sessionId, a symptom report's reportId), so sending it again, after a lost answer, a reload or a
// network that came back, can never make a second one. Red flags are sent first.
import { call, ApiError } from './api.js';

const DB = 'limber';
const STORE = 'outbox';
let database;

function open() {
  database ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result?.result);
    tx.onerror = () => reject(tx.error);
  });
}

export const waiting = () => run('readonly', (s) => s.getAll());
const remove = (id) => run('readwrite', (s) => s.delete(id));

/**
 * Keeps an entry: kind 'session' (call logSession), 'symptoms' (call reportSymptoms) or 'questionnaire' (call
 * answerQuestionnaire; params.code the questionnaire, the body a QuestionnaireResponse whose id is the key).
 */
export function keep(kind, id, body, params = {}) {
  const redFlag = (body.redFlagSymptoms || []).length > 0;
  return run('readwrite', (s) => s.put({ id, kind, body, params, redFlag, keptAt: Date.now() }));
}

const CALL_OF = { session: 'logSession', symptoms: 'reportSymptoms', questionnaire: 'answerQuestionnaire' };

const listeners = new Set();
export const onChange = (listener) => listeners.add(listener);
const changed = async () => {
  const entries = await waiting();
  listeners.forEach((l) => l(entries));
};

let queue = Promise.resolve();

/**
 * Sends every waiting entry, red flags first, then oldest first. An entry leaves the outbox once the service
 * answered it (stored, a replay of it, or refused for good with a 4xx); it stays on a network failure or a 5xx.
 * Answers { sent: [{entry, body}], refused: [{entry, error}] }.
 */
export function send() {
  // One pass at a time, each after the one before: an entry kept while a pass runs is sent by the next.
  const pass = queue.then(sendAll);
  queue = pass.catch(() => {});
  return pass;
}

async function sendAll() {
  const result = { sent: [], refused: [] };
  const entries = (await waiting()).sort((a, b) => (b.redFlag - a.redFlag) || (a.keptAt - b.keptAt));
  for (const entry of entries) {
    try {
      const body = await call(CALL_OF[entry.kind], entry.body, '', entry.params || {});
      await remove(entry.id);
      result.sent.push({ entry, body });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 401) break;
      await remove(entry.id);
      result.refused.push({ entry, error: e });
    }
  }
  await changed();
  return result;
}

export { changed as refresh };
