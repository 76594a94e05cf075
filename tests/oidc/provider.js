// A real OpenID provider (panva's oidc-provider) for gitstudio's OIDC sign-in tests.
//
//   node provider.js PORT REDIRECT_URI CLIENT_ID CLIENT_SECRET
//
// Issuer http://127.0.0.1:PORT, one confidential client (client_secret_basic) whose
// authorization requests must carry a PKCE S256 challenge. No login page: an interaction
// signs in the account the test chose last with PUT /test/account (JSON: sub,
// preferred_username, email, groups; "deny": true makes the next interaction refuse with
// access_denied) and grants what the client asked for, so a test follows the redirects
// with an HTTP client alone. Prints "ready" once listening.
import http from 'node:http';
import Provider from 'oidc-provider';

const [port, redirectUri, clientId, clientSecret] = process.argv.slice(2);
if (!port || !redirectUri || !clientId || !clientSecret) {
  console.error('usage: node provider.js PORT REDIRECT_URI CLIENT_ID CLIENT_SECRET');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const accounts = new Map(); // sub -> claims
let current = null; // the sub the next interaction signs in
let deny = false;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: {
    openid: ['sub'],
    profile: ['preferred_username', 'name'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  cookies: { keys: ['gitstudio-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: false } },
  async findAccount(_ctx, sub) {
    const claims = accounts.get(sub);
    if (!claims) return undefined;
    return { accountId: sub, claims: async () => ({ ...claims, sub }) };
  },
});
provider.on('server_error', (_ctx, err) => console.error('server_error', err));

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (deny) {
    deny = false;
    return provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'the test provider was told to refuse',
    }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: current } },
      { mergeWithLastSubmission: false });
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } },
    { mergeWithLastSubmission: true });
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { try { resolve(JSON.parse(body || '{}')); } catch (e) { reject(e); } });
  });
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/test/account' && req.method === 'PUT') {
      const account = await readJson(req);
      deny = Boolean(account.deny);
      if (account.sub) {
        const { sub, deny: _d, ...claims } = account;
        accounts.set(sub, claims);
        current = sub;
      }
      res.writeHead(204).end();
      return;
    }
    if (req.url.startsWith('/interaction/')) {
      await interaction(req, res);
      return;
    }
    callback(req, res);
  } catch (err) {
    console.error(err);
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
