import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID provider (oidc-provider) on 127.0.0.1 for the login tests, with its
// development login and consent pages. Accounts are looked up when a login happens, so a
// test adds the identities it needs. `forgeKeys` makes the provider publish a different key
// under the same key id as its signing key: every ID token then fails signature checks.

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Account id (what is typed as login) → claims; `sub` is the account id. */
  accounts: Map<string, Record<string, unknown>>;
  forgeKeys: boolean;
  close(): Promise<void>;
}

function rsaJwk(kid: string): { privateJwk: JsonWebKey; publicJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const extra = { kid, alg: 'RS256', use: 'sig' };
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), ...extra },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), ...extra },
  };
}

export async function startIdp(redirectUris: string[]): Promise<TestIdp> {
  const signing = rsaJwk('idp-key-1');
  const impostor = rsaJwk('idp-key-1');
  // The issuer names the port, so the server listens before the provider exists.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: TestIdp = {
    issuer,
    clientId: 'medspiller-test',
    clientSecret: 'a-long-enough-client-secret-for-the-tests-0123456789',
    accounts: new Map(),
    forgeKeys: false,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signing.privateJwk] },
    cookies: { keys: ['idp-cookie-key-for-tests-only'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], cpr: ['dk.cpr'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const claims = idp.accounts.get(id);
      return claims === undefined ? undefined : { accountId: id, claims: () => ({ ...claims, sub: id }) };
    },
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (idp.forgeKeys && req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: [impostor.publicJwk] }));
      return;
    }
    handle(req, res);
  });
  return idp;
}

/**
 * Plays the person at the identity provider: follows its redirects, signs in as `account`
 * and consents (or cancels), until it sends the browser back to `appOrigin`.
 */
export async function signInAtIdp(
  start: URL,
  account: string,
  appOrigin: string,
  options: { cancel?: boolean } = {},
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    init = {};
    const location = response.headers.get('location');
    if (location !== null) {
      const next = new URL(location, url);
      if (next.origin === appOrigin) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`identity provider answered ${response.status}: ${html.slice(0, 500)}`);
    if (options.cancel === true) {
      const abort = /href="([^"]*\/abort)"/.exec(html);
      if (abort?.[1] === undefined) throw new Error('no cancel link on the provider page');
      url = new URL(abort[1], url);
      continue;
    }
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (form?.[1] === undefined || form[2] === undefined)
      throw new Error(`no form on the provider page: ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const [input] of form[2].matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      if (name === undefined) continue;
      const value =
        name === 'login' ? account : name === 'password' ? 'any password' : (/value="([^"]*)"/.exec(input)?.[1] ?? '');
      fields.set(name, value);
    }
    url = new URL(form[1], url);
    init = {
      method: 'POST',
      body: fields.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('the identity provider never sent the browser back');
}
