// Sign-in as a mobile app does it: the authorization code flow with PKCE (S256) against Keycloak's public
// limber-app client. Tokens live in this module's memory only (never in storage a script could read later);
// the verifier and state survive the redirect in sessionStorage and are removed at once. Refresh tokens
// rotate: every refresh answers a new one, which replaces the old.

const PENDING = 'limber.pkce';
let settings;
let discovery;
let tokens = null; // { access, refresh, idToken, expiresAt }
let refreshing = null;

let discovered = null;

/** Reads the provider's discovery document (once; the service worker keeps it for offline starts). */
export function init(config) {
  settings = config;
  discovered ||= fetch(`${config.oidcUrl}/.well-known/openid-configuration`).then(async (response) => {
    if (!response.ok) throw new Error(`Sign-in is unavailable (${response.status}). Please try again later.`);
    discovery = await response.json();
  });
  discovered.catch(() => { discovered = null; });
  return discovered;
}

/** Whether this page is Keycloak's redirect back after a sign-in. */
export const returning = () => new URLSearchParams(location.search).has('code') || new URLSearchParams(location.search).has('error');

export const signedIn = () => tokens !== null;

/** The member's id (the token's subject) and name, from the access token. */
export function who() {
  if (!tokens) return null;
  const claims = JSON.parse(atob(tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  return { id: claims.sub, name: claims.given_name || claims.preferred_username };
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const redirectUri = () => `${location.origin}/`;

/** Goes to Keycloak's sign-in page (or its registration page with register = true). */
export async function signIn(register = false) {
  await init(settings);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const endpoint = register
    ? discovery.authorization_endpoint.replace(/\/auth$/, '/registrations')
    : discovery.authorization_endpoint;
  const query = new URLSearchParams({
    client_id: settings.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  location.assign(`${endpoint}?${query}`);
}

/** Completes a sign-in when the page is Keycloak's redirect back; answers the screen to return to, or null. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (!params.has('code') && !params.has('error')) return null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/' + (pending?.hash || ''));
  if (params.has('error') || !pending || params.get('state') !== pending.state) {
    throw new Error('The sign-in did not complete. Please try again.');
  }
  await tokenRequest({
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return pending.hash || '';
}

async function tokenRequest(form) {
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...form }),
  });
  if (!response.ok) {
    tokens = null;
    throw new Error('Your sign-in has ended. Please sign in again.');
  }
  const body = await response.json();
  tokens = {
    access: body.access_token,
    refresh: body.refresh_token,
    idToken: body.id_token || tokens?.idToken,
    expiresAt: Date.now() + (body.expires_in - 30) * 1000,
  };
}

/** A valid access token, refreshed (and the refresh token rotated) when it is about to expire; null when signed out. */
export async function accessToken() {
  if (!tokens) return null;
  if (Date.now() < tokens.expiresAt) return tokens.access;
  refreshing ||= tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh }).finally(() => {
    refreshing = null;
  });
  await refreshing;
  return tokens?.access ?? null;
}

/** Forgets the tokens and ends the Keycloak session (RP-initiated logout), coming back to the start page. */
export async function signOut() {
  await init(settings).catch(() => {});
  const idToken = tokens?.idToken;
  tokens = null;
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${discovery.end_session_endpoint}?${query}`);
}
