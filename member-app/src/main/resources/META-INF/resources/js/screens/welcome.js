import { register } from '../main.js';
import { h } from '../ui.js';

register('welcome', {
  title: 'Welcome to Limber',
  render(app) {
    if (app.signedIn()) {
      app.go('home');
      return h('p', {}, 'Opening your plan…');
    }
    return h('div', { class: 'stack' },
      app.state.signInProblem ? h('p', { class: 'problem', role: 'alert' }, app.state.signInProblem) : null,
      h('p', { class: 'lead' }, 'Short, safe exercise sessions for your back, a plan that adapts to how you feel, and a care team watching your progress.'),
      h('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: () => app.signIn(false) }, 'Sign in'),
      h('button', { type: 'button', id: 'register', onclick: () => app.signIn(true) }, 'Create an account'),
      h('p', {}, h('a', { href: '#/today' }, 'Today\'s session saved on this device'), ' (works without a network once you have signed in before).'));
  },
});
