// A real OpenID provider (oidc-provider, a certified implementation) for the OAuth end-to-end tests.
//
//   node oidc-idp.mjs --port PORT --keys JWKS_FILE --clients JSON [--web-clients JSON]
//
// Issuer http://127.0.0.1:PORT. Signs with the private keys of JWKS_FILE ({"keys":[…]}), publishing their
// public halves. Clients (JSON: [{"client_id":…,"client_secret":…}]) use the client-credentials grant; an
// access token asked for a resource (RFC 8707) is a JWT whose audience is that resource — except for clients whose
// id starts with "opaque-": theirs are opaque, to be introspected (RFC 7662, any confidential client may ask). Web clients (JSON:
// [{"client_id":…,"redirect_uris":[…]}]) are public clients of the authorization-code flow with PKCE; their users
// sign in on oidc-provider's development login page (any login and password; the login is the user's sub).
// Token exchange (RFC 8693, which oidc-provider does not ship): a client whose id starts with "exchanger-" may trade an
// access token this issuer signed (subject_token) for one whose audience is the "audience" it asks for; the new
// token keeps the subject's sub and names the exchanging client in "act".
// Prints "listening <issuer>" on stdout when ready.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SignJWT, createLocalJWKSet, importJWK, jwtVerify } from "jose";
import Provider from "oidc-provider";

const { values } = parseArgs({
  options: { port: { type: "string" }, keys: { type: "string" }, clients: { type: "string" }, "web-clients": { type: "string" } },
  strict: true,
});
if (!values.port || !values.keys || !values.clients) {
  throw new Error("usage: oidc-idp.mjs --port PORT --keys JWKS_FILE --clients JSON");
}

const issuer = `http://127.0.0.1:${values.port}`;
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
const jwks = JSON.parse(readFileSync(values.keys, "utf8"));
const provider = new Provider(issuer, {
  jwks,
  clients: [
    ...JSON.parse(values.clients).map((client) => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_types: client.client_id.startsWith("exchanger-") ? ["client_credentials", TOKEN_EXCHANGE] : ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    ...JSON.parse(values["web-clients"] ?? "[]").map((client) => ({
      client_id: client.client_id,
      application_type: "web",
      grant_types: ["authorization_code"],
      redirect_uris: client.redirect_uris,
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    })),
  ],
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => undefined,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resourceIndicator, client) => ({
        scope: "mcp:tools",
        audience: resourceIndicator,
        accessTokenTTL: 600,
        ...(client.clientId.startsWith("opaque-")
          ? { accessTokenFormat: "opaque" }
          : { accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
      }),
    },
    introspection: { enabled: true },
  },
});

const publicKeys = createLocalJWKSet({ keys: jwks.keys.map(({ kty, kid, alg, use, n, e }) => ({ kty, kid, alg, use, n, e })) });
const signingKey = await importJWK(jwks.keys[0], "RS256");
provider.registerGrantType(TOKEN_EXCHANGE, async (ctx) => {
  const { subject_token: subjectToken, subject_token_type: subjectType, audience } = ctx.oidc.params;
  const refuse = (error, description) => {
    ctx.status = 400;
    ctx.body = { error, error_description: description };
  };
  if (subjectType !== ACCESS_TOKEN_TYPE || !subjectToken || !audience) {
    return refuse("invalid_request", "subject_token (an access token) and audience are required");
  }
  let subject;
  try {
    ({ payload: subject } = await jwtVerify(subjectToken, publicKeys, { issuer }));
  } catch (error) {
    return refuse("invalid_grant", `subject_token: ${error.message}`);
  }
  const expiresIn = 300;
  const accessToken = await new SignJWT({ client_id: ctx.oidc.client.clientId, scope: "mcp:tools", act: { sub: ctx.oidc.client.clientId } })
    .setProtectedHeader({ alg: "RS256", kid: jwks.keys[0].kid, typ: "at+jwt" })
    .setIssuer(issuer).setSubject(subject.sub).setAudience(audience).setIssuedAt().setExpirationTime(`${expiresIn}s`)
    .sign(signingKey);
  ctx.body = { access_token: accessToken, issued_token_type: ACCESS_TOKEN_TYPE, token_type: "Bearer", expires_in: expiresIn };
}, ["subject_token", "subject_token_type", "audience", "resource", "scope", "requested_token_type"]);

provider.listen(Number(values.port), "127.0.0.1", () => {
  process.stdout.write(`listening ${issuer}\n`);
});
