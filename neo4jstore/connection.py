"""Connection settings, the TLS rule, URI redaction and opening the one driver.

Settings come from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` (the CLI reads them; the password never comes from argv).
Unencrypted ``bolt://``/``neo4j://`` URIs are accepted only for a loopback host
unless the caller allows them explicitly.

>>> check_uri("bolt://localhost:7687")
'bolt://localhost:7687'
>>> check_uri("neo4j+s://abcd.databases.neo4j.io")
'neo4j+s://abcd.databases.neo4j.io'
>>> check_uri("bolt://db.example.org:7687", lang="en")
Traceback (most recent call last):
...
essgraph.errors.Neo4jConnectionError: refusing an unencrypted connection to a remote server (bolt://db.example.org:7687): use neo4j+s:// or bolt+s://, or allow insecure connections if the network is trusted
>>> check_uri("bolt://db.example.org:7687", allow_insecure=True)
'bolt://db.example.org:7687'
>>> redact_uri("neo4j://neo4j:s3cret@db.example.org:7687")
'neo4j://***@db.example.org:7687'
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from neo4j import Driver, GraphDatabase, NotificationDisabledClassification, Session
from neo4j import exceptions as nx4j

from essgraph.errors import Neo4jConnectionError
from essgraph.i18n import DEFAULT_LANG
from essgraph.neo4jstore.messages import MESSAGES

__all__ = ["Neo4jSettings", "check_uri", "redact_uri", "is_loopback", "open_driver", "quiet_session", "verify", "DEFAULT_URI"]

DEFAULT_URI = "bolt://localhost:7687"
_SCHEMES = {"bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc"}
_ENCRYPTED = {"bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc"}


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect. The password never shows in ``repr``."""

    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None

    @property
    def safe_uri(self) -> str:
        """The URI without any user information, fit for messages and logs."""
        return redact_uri(self.uri)


def redact_uri(uri: str) -> str:
    """``uri`` with any ``user:password@`` part replaced by ``***@``.

    >>> redact_uri("bolt://localhost:7687")
    'bolt://localhost:7687'
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<invalid uri>"
    if "@" not in parts.netloc:
        return uri
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc="***@" + host).geturl()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine.

    >>> is_loopback("localhost"), is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("10.0.0.2")
    (True, True, True, False)
    """
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_uri(uri: str, *, allow_insecure: bool = False, lang: str = DEFAULT_LANG) -> str:
    """Return ``uri`` if it is acceptable; raise :class:`Neo4jConnectionError` otherwise.

    Refused: URIs with credentials in them, unknown schemes, and unencrypted
    (``bolt://``, ``neo4j://``) URIs to a non-loopback host unless ``allow_insecure``.
    """
    safe = redact_uri(uri)
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        parts.port  # a port that is not a number raises here, not deep in the driver
    except ValueError:
        raise Neo4jConnectionError(MESSAGES.t("bad-uri", lang, uri=safe)) from None
    if parts.scheme not in _SCHEMES or not host:
        raise Neo4jConnectionError(MESSAGES.t("bad-uri", lang, uri=safe))
    if "@" in parts.netloc:
        raise Neo4jConnectionError(MESSAGES.t("uri-credentials", lang, uri=safe))
    if parts.scheme not in _ENCRYPTED and not is_loopback(host) and not allow_insecure:
        raise Neo4jConnectionError(MESSAGES.t("insecure-uri", lang, uri=safe), options=("allow_insecure",))
    return uri


def open_driver(
    settings: Neo4jSettings, *, allow_insecure: bool = False, lang: str = DEFAULT_LANG, **config: Any
) -> Driver:
    """Check the URI and create the one :class:`neo4j.Driver` (use it in a ``with``).

    ``config`` goes to :func:`neo4j.GraphDatabase.driver` (e.g. ``max_transaction_retry_time``).
    """
    check_uri(settings.uri, allow_insecure=allow_insecure, lang=lang)
    config.setdefault("connection_timeout", 5.0)  # something else on the port (an HTTP server) fails fast
    try:
        return GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password), **config)
    except (ValueError, nx4j.ConfigurationError) as exc:
        raise Neo4jConnectionError(MESSAGES.t("bad-uri", lang, uri=settings.safe_uri)) from exc


def verify(driver: Driver, settings: Neo4jSettings, *, lang: str = DEFAULT_LANG) -> None:
    """Check that the server answers and accepts the credentials (clean errors if not)."""
    try:
        driver.verify_connectivity()
        if settings.database:
            driver.execute_query("RETURN 1", database_=settings.database)
    except nx4j.AuthError:
        raise Neo4jConnectionError(MESSAGES.t("auth", lang, uri=settings.safe_uri, user=settings.user)) from None
    except (nx4j.ServiceUnavailable, OSError):
        raise Neo4jConnectionError(MESSAGES.t("unavailable", lang, uri=settings.safe_uri)) from None
    except nx4j.ClientError as exc:
        if exc.code and "DatabaseNotFound" in exc.code:
            raise Neo4jConnectionError(MESSAGES.t("no-database", lang, uri=settings.safe_uri,
                                                  database=settings.database)) from None
        raise


def quiet_session(driver: Driver, database: str | None = None) -> Session:
    """A session without the server's "property key / label does not exist" notices.

    essgraph's queries name properties, labels and types a database may not hold
    yet (a graph with no ``founded_year``, a first write-back): the server warns
    of each, and the driver logs the warning with the whole query, once per call.
    """
    return driver.session(database=database, notifications_disabled_classifications=[
        NotificationDisabledClassification.UNRECOGNIZED])
