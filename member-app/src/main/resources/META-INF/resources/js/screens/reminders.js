// Reminders on the member's own schedule (days, time, time zone, quiet hours, channels, on or off) and push
// notifications on this device (Web Push with the service's VAPID key). Errors show next to their fields.
import { register } from '../main.js';
import { call, ApiError } from '../api.js';
import { h, problemBox, uid } from '../ui.js';

const DAYS = [['MONDAY', 'Mon'], ['TUESDAY', 'Tue'], ['WEDNESDAY', 'Wed'], ['THURSDAY', 'Thu'], ['FRIDAY', 'Fri'],
  ['SATURDAY', 'Sat'], ['SUNDAY', 'Sun']];
const CHANNELS = [['PUSH', 'Push notification'], ['EMAIL', 'E-mail']];

/** The device's own time zone (IANA), or null when the browser does not say. */
export function deviceTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch (e) {
    return null;
  }
}

/** A base64url string (the VAPID public key) as the bytes pushManager.subscribe takes. */
export function keyBytes(base64url) {
  const padded = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** A field's wrapper with the place for its error (field names as the service names them). */
function field(name, ...children) {
  return h('div', { class: 'field', 'data-field': name }, ...children,
    h('p', { class: 'field-error', id: `error-${name.replace('.', '-')}`, hidden: true }));
}

function boxes(name, legend, options, checked) {
  return h('fieldset', { class: 'tiles' }, h('legend', {}, legend),
    h('div', { class: 'tile-row' }, options.map(([value, label]) => {
      const id = uid(name);
      return h('span', { class: 'tile' },
        h('input', { type: 'checkbox', name, id, value, checked: checked.includes(value) }),
        h('label', { for: id }, label));
    })));
}

function settingsForm(settings, onSaved, saved = false) {
  // While the member never saved, the service answers defaults (time zone UTC): the device's zone is the better guess.
  const zone = settings.defaulted || !settings.timeZone ? deviceTimeZone() || settings.timeZone || 'UTC' : settings.timeZone;
  const quiet = settings.quietHours;
  const status = h('div', { id: 'reminders-status', 'aria-live': 'polite' },
    saved ? h('p', { class: 'sent', id: 'reminders-saved' }, 'Saved.') : null);
  const form = h('form', { class: 'stack', novalidate: true, id: 'reminders-form', 'aria-labelledby': 'h-schedule' },
    h('h2', { id: 'h-schedule' }, 'When to remind you'),
    settings.defaulted ? h('p', { class: 'hint', id: 'reminders-defaulted' },
      'These are suggestions from your plan. Reminders start once you save them.') : null,
    h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'reminders-enabled', name: 'enabled', checked: settings.defaulted ? true : settings.enabled }),
      h('label', { for: 'reminders-enabled' }, 'Remind me on these days')),
    field('days', boxes('days', 'Days', DAYS, settings.days || [])),
    field('time', h('label', { for: 'reminders-time' }, 'Time (your local time)'),
      h('input', { type: 'time', id: 'reminders-time', name: 'time', value: settings.time || '18:00', required: true })),
    field('timeZone', h('label', { for: 'reminders-zone' }, 'Time zone'),
      h('input', { type: 'text', id: 'reminders-zone', name: 'timeZone', value: zone, maxlength: '64', autocomplete: 'off', spellcheck: 'false' }),
      h('p', { class: 'hint' }, 'Filled in from this device, for example Europe/Berlin.')),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'quiet-on', name: 'quietOn', checked: Boolean(quiet) }),
      h('label', { for: 'quiet-on' }, 'Quiet hours: no reminder between these times')),
    field('quietHours.from', h('label', { for: 'quiet-from' }, 'Quiet from'),
      h('input', { type: 'time', id: 'quiet-from', name: 'quietFrom', value: quiet?.from || '21:00' })),
    field('quietHours.to', h('label', { for: 'quiet-to' }, 'Quiet until'),
      h('input', { type: 'time', id: 'quiet-to', name: 'quietTo', value: quiet?.to || '08:00' })),
    field('channels', boxes('channels', 'How', CHANNELS, settings.channels || ['PUSH'])),
    h('button', { type: 'submit', class: 'primary' }, 'Save reminders'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
    const data = new FormData(form);
    const body = {
      days: data.getAll('days'),
      time: data.get('time'),
      timeZone: String(data.get('timeZone') || '').trim(),
      quietHours: data.get('quietOn') ? { from: data.get('quietFrom'), to: data.get('quietTo') } : null,
      channels: data.getAll('channels'),
      enabled: Boolean(data.get('enabled')),
    };
    try {
      onSaved(await call('saveReminders', body), true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      let shown = false;
      for (const err of e.problem?.errors || []) {
        const place = form.querySelector(`[data-field="${CSS.escape(err.field)}"] .field-error`);
        if (place) {
          place.hidden = false;
          place.textContent = err.message;
          shown = true;
        }
      }
      status.replaceChildren(shown ? h('p', { class: 'problem', role: 'alert' }, 'Not saved: please check the fields marked.') : problemBox(e));
    }
  });
  return form;
}

/** The push switch of this device: on (subscribed, sent to the service) or off. */
function pushSection() {
  const status = h('p', { id: 'push-status', 'aria-live': 'polite' });
  const section = h('section', { class: 'stack', 'aria-labelledby': 'h-push' }, h('h2', { id: 'h-push' }, 'Notifications on this device'), status);
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    status.textContent = 'This browser cannot show notifications. E-mail reminders still work.';
    return section;
  }
  const button = h('button', { type: 'button', id: 'push-toggle' });
  section.append(button);
  const draw = async () => {
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription();
    status.textContent = subscription ? 'Notifications are on for this device.' : Notification.permission === 'denied'
      ? 'Notifications are blocked for this site in the browser settings.' : 'Notifications are off for this device.';
    button.textContent = subscription ? 'Turn notifications off' : 'Turn notifications on';
    button.disabled = !subscription && Notification.permission === 'denied';
    return { registration, subscription };
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { registration, subscription } = await draw();
      if (subscription) {
        await call('unsubscribePush', undefined, `?endpoint=${encodeURIComponent(subscription.endpoint)}`);
        await subscription.unsubscribe();
      } else {
        if ((await Notification.requestPermission()) !== 'granted') return;
        const { publicKey } = await call('vapidKey');
        const created = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
        await call('subscribePush', created.toJSON());
      }
    } catch (e) {
      status.textContent = e instanceof ApiError ? `Not changed: ${e.message}` : 'Not changed: the browser refused.';
      return;
    } finally {
      button.disabled = false;
    }
    await draw();
  });
  draw().catch(() => { status.textContent = 'Notifications are not available here.'; });
  return section;
}

register('reminders', {
  title: 'Reminders',
  async render() {
    const root = h('div', { class: 'stack' });
    let settings;
    try {
      settings = await call('reminders');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      root.append(problemBox(e), pushSection());
      return root;
    }
    const holder = h('div', {});
    const draw = (s, saved) => holder.replaceChildren(settingsForm(s, draw, saved));
    draw(settings);
    root.append(holder, pushSection());
    return root;
  },
});
