"""Signing in with an OpenID provider: ``GET /login/oidc`` and its callback.

The authorization-code flow with PKCE (S256), as a confidential client
(GITSTUDIO_OIDC_ISSUER, GITSTUDIO_OIDC_CLIENT_ID, GITSTUDIO_OIDC_CLIENT_SECRET):

``GET /login/oidc?next=/path`` reads the provider's discovery document
(``{issuer}/.well-known/openid-configuration``, kept GITSTUDIO_OIDC_CACHE_SECONDS), draws a
state, a nonce and a PKCE code verifier, and sends the browser to the provider's
authorization endpoint with the state, the nonce and the verifier's S256 challenge. The
state, nonce, verifier and ``next`` travel in the ``gitstudio_oidc`` cookie, sealed
(Fernet: encrypted and authenticated under GITSTUDIO_SECRET_KEY or the data directory's
key, storage.sealed) and timed (GITSTUDIO_OIDC_LOGIN_SECONDS): no table, any instance
sharing the key finishes a sign-in another started, the browser cannot read or change the
verifier, and a callback is only accepted from the browser that started it (the state in
its URL must be the one in its cookie), so nobody can make a victim's browser sign in as
them with an authorization response of their own. The cookie is HttpOnly, SameSite=Lax
(the provider's redirect back is a top-level GET, which Lax lets carry it) and on
``/login/oidc`` only; the callback clears it, so a response is used once.

``GET /login/oidc/callback`` checks the state (and the RFC 9207 ``iss`` when the provider
sends it), exchanges the code with the verifier (client_secret_basic, or client_secret_post
when the provider supports only that), validates the ID token (signature with the
provider's JWKS, refetched once for a key it does not hold; ``iss``, ``aud``/``azp``,
``exp``, ``iat``, ``nonce``; asymmetric algorithms only), reads userinfo when the provider
has it (its ``sub`` must be the token's), then finds or makes the user (storage.oidc: by
issuer and subject, never by a name or address), keeps its claimed teams, starts a
browser session (gitstudio.sessions, as ``POST /login`` does: the ``gitstudio_session``
cookie) and redirects (303) to ``next`` when it is a path of this server, else to
``/login`` (which says who is signed in).

Every failure is answered before anything is written, as a page (or JSON for a client
that asks for it) with a code: 404 OIDC_DISABLED (not configured), 400 OIDC_STATE (no,
an expired, a tampered or another browser's state), 403 OIDC_DENIED (the provider or the
person refused), 401 OIDC_REJECTED (the provider refused the code: used already, or the
client's credentials are wrong), 401 OIDC_BAD_TOKEN (an ID token that does not verify),
403 FORBIDDEN (a disabled user), 502 OIDC_PROVIDER_UNAVAILABLE (the provider did not
answer, or answered nonsense: not the browser's fault, so not a 4xx).

The audit log (gitstudio/audit_rest.py) records each callback as ``GET
/login/oidc/callback``: a sign-in with its user, issuer and subject; a failure with its code
and no user, at most once a minute per client address and code, as every REST failure.
"""

from __future__ import annotations

import hmac
import html
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson
from authlib.common.security import generate_token
from authlib.common.urls import add_params_to_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from gitstudio.audit_rest import audited, current_call, user_principal
from gitstudio.pages import page
from gitstudio.rest import error, public_base
from gitstudio.sessions import LOGIN, new_session, safe_next, secure, set_session_cookie
from gitstudio.settings import Settings
from storage.errors import DomainError
from storage.models import User
from storage.oidc import sign_in
from storage.roles import Role
from storage.sealed import Sealer
from storage.teams import parse_role

log = logging.getLogger(__name__)

START = "/login/oidc"
CALLBACK = "/login/oidc/callback"
COOKIE = "gitstudio_oidc"
# ID tokens signed with a provider's private key; never "none", nor HS256 and the like
# (they would be keyed by the client secret, which this server also holds).
ALGORITHMS = (
    *("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
    *("ES256", "ES384", "ES512", "EdDSA"),
)
_SEALED_AS = "oidc-login:"  # the sealed cookie's context: no other sealed value passes
_MAX_COOKIE = 8000  # a sealed login is ~3 KB at most (a 2,000-character next)
_MAX_PARAM = 4000  # of a code or state in the callback's query
_LEEWAY = 60  # seconds of clock skew allowed on exp/iat


class OidcError(Exception):
    """A sign-in that failed: the status, the code and what to tell the person."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


def _unavailable(detail: str) -> OidcError:
    return OidcError(502, "OIDC_PROVIDER_UNAVAILABLE", detail)


def _bad_token(detail: str) -> OidcError:
    return OidcError(401, "OIDC_BAD_TOKEN", f"the provider's ID token is not valid: {detail}")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What this server uses of the provider's discovery document."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str | None
    basic_auth: bool  # client_secret_basic supported (else client_secret_post)


@dataclass(frozen=True, slots=True)
class Login:
    """A sign-in in progress: what the gitstudio_oidc cookie carries."""

    state: str
    nonce: str
    verifier: str
    next: str


class OidcClient:
    """The configured provider: its discovery document and keys (cached), and the flow's
    requests to it."""

    def __init__(self, settings: Settings) -> None:
        # As configured: the ID token's iss must be exactly it (a trailing slash included).
        self.issuer = settings.oidc_issuer.strip()
        self.client_id = settings.oidc_client_id.strip()
        self.client_secret = settings.oidc_client_secret
        scopes = settings.oidc_scopes.split()
        self.scopes = " ".join(scopes if "openid" in scopes else ["openid", *scopes])
        self.teams_claim = settings.oidc_teams_claim.strip()
        self.team_role = _team_role(settings.oidc_team_role)
        self.timeout = settings.oidc_timeout_seconds
        self.cache_seconds = settings.oidc_cache_seconds
        self.login_seconds = settings.oidc_login_seconds
        self.sealer = Sealer(settings.secret_key, settings.data_dir)
        self._metadata: tuple[float, Metadata] | None = None
        self._keys: tuple[float, KeySet] | None = None
        if self.issuer:
            _check_issuer(self.issuer)
            if not self.client_id or not self.client_secret:
                raise ValueError(
                    "GITSTUDIO_OIDC_ISSUER needs GITSTUDIO_OIDC_CLIENT_ID and"
                    " GITSTUDIO_OIDC_CLIENT_SECRET (a confidential client)"
                )

    @property
    def enabled(self) -> bool:
        return bool(self.issuer)

    def http(self) -> httpx.AsyncClient:
        # No redirects: a provider's endpoints answer where discovery says they are.
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)

    async def _get_json(self, http: httpx.AsyncClient, url: str, **kw: Any) -> dict[str, Any]:
        try:
            response = await http.get(url, **kw)
        except httpx.HTTPError as exc:
            raise _unavailable(f"the provider did not answer ({type(exc).__name__})") from None
        if response.status_code != 200:
            raise _unavailable(f"the provider answered {response.status_code} at {url}")
        return _json_object(response)

    async def metadata(self, http: httpx.AsyncClient) -> Metadata:
        """The discovery document, fetched at most every GITSTUDIO_OIDC_CACHE_SECONDS."""
        if self._metadata is not None and self._metadata[0] > time.monotonic():
            return self._metadata[1]
        discovery = f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"
        doc = await self._get_json(http, discovery)
        # OIDC Discovery 4.3: the document's issuer must be the one configured, exactly.
        if doc.get("issuer") != self.issuer:
            raise _unavailable(f"the discovery document names issuer {doc.get('issuer')!r}")
        try:
            methods = doc.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
            found = Metadata(
                issuer=self.issuer,
                authorization_endpoint=_url(doc["authorization_endpoint"]),
                token_endpoint=_url(doc["token_endpoint"]),
                jwks_uri=_url(doc["jwks_uri"]),
                userinfo_endpoint=_url(doc["userinfo_endpoint"])
                if doc.get("userinfo_endpoint")
                else None,
                basic_auth="client_secret_basic" in methods or "client_secret_post" not in methods,
            )
        except (KeyError, ValueError):
            raise _unavailable("the discovery document lacks an endpoint") from None
        self._metadata = (time.monotonic() + self.cache_seconds, found)
        return found

    async def keys(self, http: httpx.AsyncClient, meta: Metadata, fresh: bool = False) -> KeySet:
        """The provider's signing keys (JWKS), cached as the discovery document is."""
        if not fresh and self._keys is not None and self._keys[0] > time.monotonic():
            return self._keys[1]
        doc = await self._get_json(http, meta.jwks_uri)
        try:
            keys = KeySet.import_key_set(doc)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError):
            raise _unavailable("the provider's JWKS holds no usable key") from None
        self._keys = (time.monotonic() + self.cache_seconds, keys)
        return keys

    def authorization_url(self, meta: Metadata, login: Login, redirect_uri: str) -> str:
        url: str = add_params_to_uri(
            meta.authorization_endpoint,
            [
                ("response_type", "code"),
                ("client_id", self.client_id),
                ("redirect_uri", redirect_uri),
                ("scope", self.scopes),
                ("state", login.state),
                ("nonce", login.nonce),
                ("code_challenge", create_s256_code_challenge(login.verifier)),
                ("code_challenge_method", "S256"),
            ],
        )
        return url

    async def exchange(
        self, http: httpx.AsyncClient, meta: Metadata, code: str, verifier: str, redirect_uri: str
    ) -> dict[str, Any]:
        """The token response for ``code`` (OIDC_REJECTED when the provider refuses it)."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        }
        auth: httpx.Auth | httpx._client.UseClientDefault = httpx.USE_CLIENT_DEFAULT
        if meta.basic_auth:  # RFC 6749 2.3.1: both parts form-urlencoded first
            auth = httpx.BasicAuth(_form_encode(self.client_id), _form_encode(self.client_secret))
        else:
            form |= {"client_id": self.client_id, "client_secret": self.client_secret}
        try:
            response = await http.post(
                meta.token_endpoint, data=form, auth=auth, headers={"Accept": "application/json"}
            )
        except httpx.HTTPError as exc:
            raise _unavailable(f"the provider did not answer ({type(exc).__name__})") from None
        if response.status_code in (400, 401):
            body = _json_object(response, strict=False)
            reason = body.get("error") if isinstance(body.get("error"), str) else "refused"
            raise OidcError(401, "OIDC_REJECTED", f"the provider refused the sign-in ({reason})")
        if response.status_code != 200:
            raise _unavailable(f"the provider's token endpoint answered {response.status_code}")
        return _json_object(response)

    async def id_claims(
        self, http: httpx.AsyncClient, meta: Metadata, id_token: object, nonce: str
    ) -> dict[str, Any]:
        """The claims of a valid ID token (OIDC Core 3.1.3.7), else OIDC_BAD_TOKEN."""
        if not isinstance(id_token, str) or not id_token:
            raise _bad_token("the token response holds none")
        token = await self._verified(http, meta, id_token)
        claims = dict(token.claims)
        registry = jwt.JWTClaimsRegistry(
            leeway=_LEEWAY,
            iss={"essential": True, "value": meta.issuer},
            aud={"essential": True, "value": self.client_id},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(claims)
        except JoseError as exc:
            raise _bad_token(exc.description or exc.error) from None
        audience = claims.get("aud")
        if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != self.client_id:
            raise _bad_token("azp is not this client")
        subject = claims.get("sub")
        if not isinstance(subject, str) or not 0 < len(subject) <= 255:
            raise _bad_token("sub is not 1-255 characters")
        return claims

    async def _verified(self, http: httpx.AsyncClient, meta: Metadata, id_token: str) -> jwt.Token:
        for fresh in (False, True):  # a key not held: the provider may have rotated
            keys = await self.keys(http, meta, fresh)
            try:
                return jwt.decode(id_token, keys, algorithms=list(ALGORITHMS))
            except (JoseError, ValueError) as exc:
                if fresh or not isinstance(exc, InvalidKeyIdError):
                    detail = exc.description if isinstance(exc, JoseError) else str(exc)
                    raise _bad_token(detail or "its signature does not verify") from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def userinfo(
        self, http: httpx.AsyncClient, meta: Metadata, access_token: object, subject: str
    ) -> dict[str, Any]:
        """The userinfo claims (none without an endpoint or an access token); their ``sub``
        must be the ID token's (OIDC Core 5.3.2)."""
        if meta.userinfo_endpoint is None or not isinstance(access_token, str):
            return {}
        info = await self._get_json(
            http, meta.userinfo_endpoint, headers={"Authorization": f"Bearer {access_token}"}
        )
        if info.get("sub") != subject:
            raise _bad_token("userinfo names another subject")
        return info

    # -- the login cookie ---------------------------------------------------------------------

    def seal(self, login: Login) -> str:
        doc = {"s": login.state, "n": login.nonce, "v": login.verifier, "next": login.next}
        return self.sealer.seal(_SEALED_AS + orjson.dumps(doc).decode())

    def unseal(self, value: str | None) -> Login | None:
        if not value or len(value) > _MAX_COOKIE:
            return None
        opened = self.sealer.open_recent(value, self.login_seconds)
        if opened is None or not opened.startswith(_SEALED_AS):
            return None
        try:
            doc = orjson.loads(opened[len(_SEALED_AS) :])
            return Login(str(doc["s"]), str(doc["n"]), str(doc["v"]), str(doc["next"]))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return None


def _team_role(value: str) -> Role:
    try:
        return parse_role(value)
    except DomainError as exc:
        raise ValueError(f"GITSTUDIO_OIDC_TEAM_ROLE: {exc.message}") from None


_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _check_issuer(issuer: str) -> None:
    """An https URL (OIDC Core 2); plain http only on this machine (a provider in tests or
    development): the discovery document and keys must not be taken from the network."""
    parts = urlsplit(issuer)
    local = parts.scheme == "http" and (parts.hostname or "") in _LOOPBACK
    if not (parts.scheme == "https" or local) or not parts.hostname or parts.query:
        raise ValueError(
            f"GITSTUDIO_OIDC_ISSUER must be an https URL (http only on loopback): {issuer!r}"
        )


def _url(value: object) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
        raise ValueError("not an http(s) URL")
    return value


def _form_encode(value: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(value)


def _json_object(response: httpx.Response, strict: bool = True) -> dict[str, Any]:
    try:
        doc = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        doc = None
    if not isinstance(doc, dict):
        if strict:
            raise _unavailable("the provider answered something other than a JSON object")
        return {}
    return doc


# -- the session -------------------------------------------------------------------------------


async def start_session(request: Request, response: Response, user: User) -> None:
    """Sign ``user`` in on this browser: a new session (the one its cookie named ends, as
    at ``POST /login``) and its ``gitstudio_session`` cookie on ``response``."""
    _row, secret = await new_session(request, user)
    set_session_cookie(response, request, secret)


# -- the routes ---------------------------------------------------------------------------------


def _failure(request: Request, exc: OidcError) -> Response:
    """The typed answer to a failed sign-in: JSON for a client that asks for it, else a
    page; the login cookie is cleared either way (a state is tried once)."""
    accept = request.headers.get("accept", "")
    response: Response
    if "application/json" in accept and "text/html" not in accept:
        response = error(exc.status, exc.detail, exc.code)
    else:
        body = (
            f'<p class="error">{html.escape(exc.detail)}</p><p><code>{html.escape(exc.code)}'
            f'</code></p><p><a href="{START}">Try again</a> or <a href="{LOGIN}">sign in with'
            " a password</a>.</p>"
        )
        response = page("Sign-in failed", body, exc.status)
    _clear_cookie(response)
    current_call().result = exc.code
    return response


def _set_cookie(response: Response, request: Request, client: OidcClient, value: str) -> None:
    response.set_cookie(
        COOKIE,
        value,
        max_age=max(1, int(client.login_seconds)),
        path=START,
        secure=secure(request),
        httponly=True,
        samesite="lax",
    )


def _clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path=START, httponly=True, samesite="lax")


def _redirect_uri(request: Request) -> str:
    settings: Settings = request.app.state.gitstudio.settings
    return public_base(request, settings.public_url) + CALLBACK


def _param(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    return value if value and len(value) <= _MAX_PARAM else None


class OidcRoutes:
    def __init__(self, client: OidcClient) -> None:
        self.client = client

    async def start(self, request: Request) -> Response:
        try:
            return await self._start(request)
        except OidcError as exc:
            return _failure(request, exc)

    async def _start(self, request: Request) -> Response:
        client = self._enabled()
        async with client.http() as http:
            meta = await client.metadata(http)
        login = Login(
            state=generate_token(32),
            nonce=generate_token(32),
            verifier=generate_token(64),  # RFC 7636: 43-128 unreserved characters
            next=safe_next(request.query_params.get("next")),
        )
        target = client.authorization_url(meta, login, _redirect_uri(request))
        response = RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})
        _set_cookie(response, request, client, client.seal(login))
        return response

    async def callback(self, request: Request) -> Response:
        try:
            return await self._callback(request)
        except OidcError as exc:
            return _failure(request, exc)
        except DomainError as exc:  # a disabled user; no free name
            status = 403 if exc.code == "FORBIDDEN" else 409
            return _failure(request, OidcError(status, exc.code, exc.message))

    async def _callback(self, request: Request) -> Response:
        client = self._enabled()
        params = request.query_params
        login = client.unseal(request.cookies.get(COOKIE))
        state = _param(params, "state")
        if login is None or state is None or not hmac.compare_digest(state, login.state):
            raise OidcError(400, "OIDC_STATE", "this sign-in was not started here, or too long ago")
        if params.get("error"):
            reason = params["error"][:100]
            raise OidcError(403, "OIDC_DENIED", f"the provider did not sign you in ({reason})")
        code = _param(params, "code")
        if code is None:
            raise OidcError(400, "OIDC_STATE", "the provider's answer holds no code")
        async with client.http() as http:
            meta = await client.metadata(http)
            iss = params.get("iss")  # RFC 9207: a mix-up of providers is caught here
            if iss is not None and iss != meta.issuer:
                raise OidcError(400, "OIDC_STATE", "the answer comes from another provider")
            redirect_uri = _redirect_uri(request)
            tokens = await client.exchange(http, meta, code, login.verifier, redirect_uri)
            claims = await client.id_claims(http, meta, tokens.get("id_token"), login.nonce)
            info = await client.userinfo(http, meta, tokens.get("access_token"), claims["sub"])
        signed = await sign_in(
            meta.issuer, {**info, **claims}, client.teams_claim, client.team_role
        )
        log.info(
            "OIDC sign-in of %s (%s at %s)%s",
            signed.user.name,
            claims["sub"],
            meta.issuer,
            ", a new user" if signed.created else "",
        )
        response = RedirectResponse(
            login.next, status_code=303, headers={"Cache-Control": "no-store"}
        )
        _clear_cookie(response)
        await start_session(request, response, signed.user)
        call = current_call()
        call.principal = user_principal(signed.user.id, signed.user.name)
        call.arguments = {"issuer": meta.issuer, "subject": claims["sub"], "new": signed.created}
        return response

    def _enabled(self) -> OidcClient:
        if not self.client.enabled:
            raise OidcError(404, "OIDC_DISABLED", "sign-in with an OpenID provider is not set up")
        return self.client


def oidc_routes(settings: Settings) -> list[BaseRoute]:
    """``GET /login/oidc`` and ``GET /login/oidc/callback`` (404 OIDC_DISABLED unless
    GITSTUDIO_OIDC_ISSUER and GITSTUDIO_OIDC_CLIENT_ID are set)."""
    routes = OidcRoutes(OidcClient(settings))
    return [
        Route(START, routes.start, methods=["GET"]),
        Route(CALLBACK, audited(f"GET {CALLBACK}", routes.callback), methods=["GET"]),
    ]
