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
// Prints "listening <issuer>" on stdout when ready.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import Provider from "oidc-provider";

const { values } = parseArgs({
  options: { port: { type: "string" }, keys: { type: "string" }, clients: { type: "string" }, "web-clients": { type: "string" } },
  strict: true,
});
if (!values.port || !values.keys || !values.clients) {
  throw new Error("usage: oidc-idp.mjs --port PORT --keys JWKS_FILE --clients JSON");
}

const issuer = `http://127.0.0.1:${values.port}`;
const provider = new Provider(issuer, {
  jwks: JSON.parse(readFileSync(values.keys, "utf8")),
  clients: [
    ...JSON.parse(values.clients).map((client) => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_types: ["client_credentials"],
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

provider.listen(Number(values.port), "127.0.0.1", () => {
  process.stdout.write(`listening ${issuer}\n`);
});
