"""Fixtures of the whole suite: a hermetic working folder, the bundled graph, ../shared/, and a REAL
Neo4j 5.26 server (never a mock).

Hermetic: every test runs in a temporary working folder whose ``.essgraph/graph.json`` is a
stray one-node snapshot (``stray_snapshot``, autouse). A test or fixture that reads "the snapshot
of the current folder" instead of naming its input gets that one node and fails, so no test
depends on the folder pytest was started from. The bundled data is ``real_graph`` (built from
the package's data folder, never from a snapshot); a test of the default lookup chdirs to its own
``tmp_path``.

Markers come from the fixtures a test uses (``pytest_collection_modifyitems`` below): a test
using a Neo4j fixture is marked ``neo4j``, one using ``browser`` is marked ``browser``, so
``-m "not neo4j and not browser"`` never starts a server or Chromium.

``../shared/`` (the report text, the ESSGlobal vocabularies) sits beside the checkout, not in it
(``ESSGRAPH_SHARED_DIR`` names another folder): ``shared_file("seed/…")`` skips a test without
it, unless ``ESSGRAPH_REQUIRE_SHARED=1`` (CI), where the skip is a failure.

Where the server comes from:

* ``NEO4J_URI`` set (plus ``NEO4J_USER`` / ``NEO4J_PASSWORD``): that server is used as is.
  It is shared, so ``neo4j_server.kill()`` / ``.restart()`` are not possible and the tests
  that need them are skipped.
* otherwise: the project's own server is started once per test session through
  ``scripts/neo4j-test-server launch`` (Maven-built embedded Neo4j Community, Bolt on
  127.0.0.1, a free port, a fresh temp data dir, a fixed test password) and stopped at the end.
  This needs Java 17+ and Maven (Maven only for the first build; jars are cached in ~/.m2).

Without either, the Neo4j tests are skipped with a message saying how to run them.  With
``ESSGRAPH_REQUIRE_NEO4J=1`` (CI sets it) every such skip is a failure instead.

Graph Data Science (the ``gds_*`` fixtures, tests marked ``neo4j`` and ``gds``) needs a server with
the GDS plugin:

* ``NEO4J_URI`` set: that server, if it has GDS (``gds.version()`` answers); otherwise the GDS
  tests are skipped (a failure under ``ESSGRAPH_REQUIRE_NEO4J=1``);
* ``ESSGRAPH_NEO4J_GDS=1``: the project's one server (``neo4j_server``) is launched with GDS and
  serves the GDS tests too (one JVM; its restarts take a little longer);
* otherwise a second server of the project's, with GDS (``scripts/neo4j-test-server launch --gds``),
  is started once per session for the GDS tests only, so the other tests never wait for GDS.

Fixtures (all names are stable, other test folders may rely on them):

``neo4j_server``  session: object with ``.uri``, ``.user``, ``.password``, ``.auth``,
                  ``.home`` (data dir or None), ``.managed`` (True when started here),
                  ``.kill()`` (SIGKILL, no clean shutdown), ``.restart()`` (start again on the
                  same data dir and port, waits until Bolt answers), ``.driver(**kw)``.
``neo4j_uri``     session: the bolt URI string.
``neo4j_driver``  session: a ``neo4j.Driver``; it survives ``kill()`` + ``restart()``
                  (stale pooled connections are dropped by a liveness check).
``neo4j_clean``   function: the same driver, after the database was emptied (all nodes,
                  relationships, constraints and non-lookup indexes removed).
``gds_server``    session: a server with Graph Data Science, like ``neo4j_server`` (``.gds`` is True).
``gds_driver``    session: a ``neo4j.Driver`` for it.
``gds_clean``     function: that driver after its database was emptied and its GDS graph catalog dropped.
``fictional_round``  session: a copy of the bundled data with a FICTIONAL survey round merged
                  (``fictional_answers``: mutual, one-sided, denied, corrected, new organizations;
                  ``merge_survey(paths, folder)`` merges response files the same way).
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVER_SCRIPT = ROOT / "scripts" / "neo4j-test-server"
LAUNCHER_DIR = ROOT / "scripts" / "neo4j-launcher"
TEST_USER = "neo4j"
TEST_PASSWORD = os.environ.get("ESSGRAPH_NEO4J_TEST_PASSWORD", "essgraph-test")
BUILD_TIMEOUT = 900  # first build downloads ~150 MB of jars from Maven Central
START_TIMEOUT = float(os.environ.get("ESSGRAPH_NEO4J_START_TIMEOUT", "180"))
HOW_TO = (
    "install Java 17 and Maven (the project then starts its own Neo4j 5.26 via "
    "scripts/neo4j-test-server), or set NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD) to a running "
    "Neo4j 5.26 server"
)
#: Fixtures that need a server with Graph Data Science: their tests are ``neo4j`` and ``gds``.
GDS_FIXTURES = frozenset({"gds_server", "gds_driver", "gds_clean"})
#: Fixtures that need a Neo4j server (directly or through another fixture): their tests are ``neo4j``.
NEO4J_FIXTURES = frozenset({"neo4j_server", "neo4j_uri", "neo4j_driver", "neo4j_clean"}) | GDS_FIXTURES
#: ESSGRAPH_NEO4J_GDS=1: the project's one server is launched with Graph Data Science and serves every test.
ONE_SERVER_WITH_GDS = os.environ.get("ESSGRAPH_NEO4J_GDS") == "1"
#: Fixtures that need Chromium (tests/render/conftest.py): their tests are ``browser``.
BROWSER_FIXTURES = frozenset({"browser"})
#: The folder beside the checkout with the report text and the vocabularies (not in a plain clone);
#: ESSGRAPH_SHARED_DIR names another one.
SHARED_DIR = Path(os.environ.get("ESSGRAPH_SHARED_DIR") or ROOT.parent / "shared")
#: The only node of the stray snapshot in the tests' working folder.
STRAY_NODE = "stray-snapshot-of-the-working-folder"


def skip_or_fail(reason: str, require: str = "ESSGRAPH_REQUIRE_NEO4J") -> None:
    """Skip, unless the environment variable ``require`` is 1 (CI): then the skip is a failure."""
    if os.environ.get(require) == "1":
        pytest.fail(f"{reason} ({require}=1 turns this skip into a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test by the services its fixtures need (the closure: fixtures of fixtures too)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & NEO4J_FIXTURES:
            item.add_marker(pytest.mark.neo4j)
        if used & GDS_FIXTURES:
            item.add_marker(pytest.mark.gds)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def stray_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Run the session in a temporary folder holding a one-node ``.essgraph/graph.json``."""
    from essgraph.graphmodel import Node, build_graph
    from essgraph.loaders import write_snapshot

    folder = tmp_path_factory.mktemp("cwd")
    path = write_snapshot(build_graph([Node(STRAY_NODE, ("Region",), {"name": "Stray snapshot"})], []),
                          folder / ".essgraph" / "graph.json")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        yield path


@pytest.fixture(scope="session")
def real_graph() -> nx.MultiDiGraph:
    """The bundled data of the report, built from the package's data folder (never a snapshot).

    Shared by the session: tests read it and never change it.
    """
    from essgraph.loaders import bundled_data_dir, load_graph

    return load_graph(data_dir=bundled_data_dir())


@pytest.fixture(scope="session")
def shared_file() -> Callable[[str], Path]:
    """``shared_file("vocab/essglobal/themes.skos")``: that file of ../shared/, or skip the test.

    With ``ESSGRAPH_REQUIRE_SHARED=1`` (CI) a missing file fails the test instead.
    """
    def find(relative: str) -> Path:
        path = SHARED_DIR / relative
        if not path.is_file():
            skip_or_fail(f"{path} not present: put the shared/ folder beside the checkout",
                         require="ESSGRAPH_REQUIRE_SHARED")
        return path

    return find


#: Round of the fictional survey answers (``fictional_round``).
FICTIONAL_ROUND = "r2"


def _fictional_answers(G: nx.MultiDiGraph) -> dict[str, dict]:
    """FICTIONAL survey responses to the bundled map (never real answers; never in ``data/``), by file name.

    They give every kind of outcome: a mutual tie (gresp and cxd both name it),
    one-sided ones (cxd's supporter ceas, aam's network gresp: aam had no tie), a
    report tie denied (anpe–gresp), one corrected and one confirmed, a new
    organization named by cxd, and a blank form from an organization not on the map.
    """
    def key(kind: str, start: str, end: str) -> str:
        (found,) = [k for u, v, k, t in G.edges(keys=True, data="type") if (u, v, t) == (start, end, kind)]
        return found

    def response(org: str | None, **answers) -> dict:
        return {"format": "essgraph-survey-response", "version": 1, "round": FICTIONAL_ROUND, "date": "2027-03-01",
                "respondent": {"org": org} if org else {"org": None, "new": {"name": "Red Nueva Ficticia",
                                                                            "region": "puno", "kind": "network"}},
                "answerer": {"role": "coordinación"}, **answers}

    return {
        "gresp.json": response("gresp", ties=[{"org": "cxd", "answer": "allied_with", "how": "ferias"}],
                               recorded=[{"key": key("ALLIED_WITH", "anpe", "gresp"), "verdict": "deny"}],
                               answerer={"role": "coordinación", "name": "Persona Ficticia",
                                         "contact": "999 000 111", "consent": True}),
        "cxd.json": response("cxd", ties=[{"org": "gresp", "answer": "allied_with"},
                                          {"org": "ceas", "answer": "supported_by", "since": 2019}],
                             recorded=[{"key": key("ALLIED_WITH", "cxd", "anpe"), "verdict": "correct",
                                        "answer": "coordinates_with", "year": 2015},
                                       {"key": key("MEMBER_OF", "cxd", "gresp"), "verdict": "confirm"}],
                             new_orgs=[{"name": "Cooperativa Ficticia del Sur", "region": "cusco",
                                        "kind": "cooperative", "contact": ""}],
                             corrections="La sede ahora está en Ate."),
        "aam.json": response("aam", ties=[{"org": "gresp", "answer": "member_of", "since": 2019,
                                           "how": "asambleas"}]),
        "nueva.json": response(None, ties=[{"org": "gresp", "answer": "member_of"}]),
    }


def _merge_survey(paths: list[Path], folder: Path) -> None:
    """Check and merge response files into ``folder`` as round :data:`FICTIONAL_ROUND` (as ``survey merge``)."""
    from essgraph.loaders import load_graph
    from essgraph.loaders.survey import check_responses
    from essgraph.loaders.survey_rounds import merge_responses

    G = load_graph(data_dir=folder)
    responses, report = check_responses(paths, G)
    assert report.valid, report.render("en")
    names = [(n, str(t)) for n, a in G.nodes(data=True) for t in (n, a.get("name"), a.get("acronym")) if t]
    merge_responses(responses, folder, round_name=FICTIONAL_ROUND, entities=names)


@pytest.fixture(scope="session")
def fictional_answers(real_graph: nx.MultiDiGraph) -> dict[str, dict]:
    """FICTIONAL survey responses to the bundled map, by file name (see ``_fictional_answers``)."""
    return _fictional_answers(real_graph)


@pytest.fixture(scope="session")
def merge_survey() -> Callable[[list[Path], Path], None]:
    """``merge_survey(paths, folder)``: check and merge response files as round ``r2`` (as ``survey merge``)."""
    return _merge_survey


@pytest.fixture(scope="session")
def fictional_round(tmp_path_factory: pytest.TempPathFactory, fictional_answers: dict[str, dict]) -> Path:
    """A copy of the bundled data with the ``fictional_answers`` merged as round ``r2``; read it, never change it.

    Its ``respuestas/`` sibling holds the response files.
    """
    import json

    from essgraph.loaders import bundled_data_dir

    root = tmp_path_factory.mktemp("fictional-round")
    folder = Path(shutil.copytree(bundled_data_dir(), root / "data", ignore=shutil.ignore_patterns("__*")))
    (root / "respuestas").mkdir()
    paths = []
    for name, body in fictional_answers.items():
        paths.append(root / "respuestas" / name)
        paths[-1].write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    _merge_survey(paths, folder)
    return folder


def _import_neo4j():
    # (No __init__.py in this folder on purpose: a package named "neo4j" would shadow the
    # driver. Without the driver, `import neo4j` may still find this folder as a namespace
    # package, hence the GraphDatabase check.)
    try:
        import neo4j
    except ImportError:
        neo4j = None
    if getattr(neo4j, "GraphDatabase", None) is None:
        skip_or_fail("the neo4j Python driver is not installed: pip install 'neo4j>=6,<7'")
    return neo4j


def _die_with_parent() -> None:
    """preexec_fn: the server gets SIGTERM if pytest dies (Linux), so no JVM is orphaned."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Neo4jServer:
    """A Neo4j server for the tests: either external (NEO4J_URI) or launched here."""

    def __init__(self, uri: str, user: str | None, password: str | None,
                 home: Path | None = None, gds: bool = False) -> None:
        self.uri = uri
        self.user = user
        self.password = password
        self.home = home  # data dir of a server launched here; None when external
        self.gds = gds  # launched with Graph Data Science (an external server: whether it has it)
        self.proc: subprocess.Popen | None = None
        self._drivers: list = []

    # -- information -----------------------------------------------------------------------
    @property
    def managed(self) -> bool:
        return self.home is not None

    @property
    def auth(self):
        return (self.user, self.password) if self.password else None

    @property
    def port(self) -> int:
        return int(self.uri.rsplit(":", 1)[1])

    @property
    def log_path(self) -> Path | None:
        return self.home / "launcher.log" if self.home else None

    def driver(self, **kwargs):
        """A new driver for this server (closed at session end). liveness_check_timeout=0
        makes it discard connections that died with a killed server."""
        neo4j = _import_neo4j()
        kwargs.setdefault("liveness_check_timeout", 0)
        kwargs.setdefault("connection_acquisition_timeout", 60)
        drv = neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **kwargs)
        self._drivers.append(drv)
        return drv

    # -- life cycle (only for a server launched here) -------------------------------------------
    @classmethod
    def launch(cls, gds: bool = False) -> "Neo4jServer":
        home = Path(tempfile.mkdtemp(prefix="essgraph-neo4j-"))
        server = cls("bolt://127.0.0.1:0", TEST_USER, TEST_PASSWORD, home, gds)
        try:
            server._start(port=0)
        except BaseException:
            server.stop(remove_data=False)
            raise
        return server

    def _require_managed(self, what: str) -> None:
        if not self.managed:
            skip_or_fail(f"{what} needs the server the tests start themselves; unset NEO4J_URI "
                         "(needs Java 17 and Maven)")

    def _start(self, port: int) -> None:
        env = dict(os.environ, NEO4J_PASSWORD=self.password or "")
        log = open(self.log_path, "ab")
        try:
            self.proc = subprocess.Popen(
                [str(SERVER_SCRIPT), "launch", *(["--gds"] if self.gds else []), str(self.home), str(port)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log,
                env=env, preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        finally:
            log.close()
        line = self._read_ready_line(START_TIMEOUT)
        self.uri = line.split("=", 1)[1]

    def _read_ready_line(self, timeout: float) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        buf = b""
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if sel.select(timeout=0.5):
                    chunk = os.read(self.proc.stdout.fileno(), 4096)
                    if not chunk:  # EOF: the launcher exited
                        break
                    buf += chunk
                    for line in buf.decode(errors="replace").splitlines():
                        if line.startswith("NEO4J_URI="):
                            return line.strip()
                elif self.proc.poll() is not None:
                    break
        self.proc.kill()
        self.proc.wait()
        tail = self._log_tail()
        raise RuntimeError(f"Neo4j did not print its ready line within {timeout:.0f}s "
                           f"(exit code {self.proc.returncode}). Launcher log "
                           f"{self.log_path}:\n{tail}")

    def _log_tail(self, chars: int = 6000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except (OSError, AttributeError):
            return "(no log)"

    def kill(self) -> None:
        """Kill the server process hard (SIGKILL): no shutdown hook, no checkpoint."""
        self._require_managed("neo4j_server.kill()")
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def restart(self) -> None:
        """Start again on the same data dir and port (after kill() or stop()); Neo4j recovers
        from its transaction log. Returns once Bolt answers."""
        self._require_managed("neo4j_server.restart()")
        if self.proc is not None and self.proc.poll() is None:
            self.stop(remove_data=False)
        port = self.port
        last: Exception | None = None
        for _ in range(3):  # the port may be briefly unavailable after a kill
            try:
                self._start(port=port)
                return
            except RuntimeError as exc:
                last = exc
                time.sleep(2)
        raise RuntimeError(f"restart on port {port} failed") from last

    def stop(self, remove_data: bool = True) -> None:
        """Clean stop (SIGTERM, shutdown hook), then optionally delete the data dir."""
        for drv in self._drivers:
            try:
                drv.close()
            except Exception:
                pass
        self._drivers.clear()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()
        if remove_data and self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)


def _can_launch() -> str | None:
    """None if this machine can start the project's server, else why not."""
    if shutil.which("java") is None:
        return "java not found"
    built = (LAUNCHER_DIR / "target" / ".essgraph-build-ok").exists()
    if not built and shutil.which("mvn") is None:
        return "mvn not found (needed once to build scripts/neo4j-launcher)"
    return None


def _launched(gds: bool) -> Neo4jServer:
    """The project's own server (with Graph Data Science if ``gds``), built first if need be."""
    why = _can_launch()
    if why:
        skip_or_fail(f"no Neo4j server for these tests: {why}; {HOW_TO}")
    build = subprocess.run([str(SERVER_SCRIPT), "build", *(["--gds"] if gds else [])], capture_output=True,
                           text=True, timeout=BUILD_TIMEOUT)
    if build.returncode != 0:
        pytest.fail(f"building the Neo4j launcher failed:\n{build.stderr[-6000:]}", pytrace=False)
    return Neo4jServer.launch(gds=gds)


def _external() -> Neo4jServer | None:
    """The server NEO4J_URI names, if set."""
    uri = os.environ.get("NEO4J_URI")
    return Neo4jServer(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD")) if uri else None


@pytest.fixture(scope="session")
def neo4j_server():
    _import_neo4j()
    server = _external()
    if server is not None:
        yield server
        server.stop(remove_data=False)
        return
    server = _launched(gds=ONE_SERVER_WITH_GDS)
    yield server
    server.stop(remove_data=True)


@pytest.fixture(scope="session")
def gds_server(request):
    """A server with Graph Data Science: NEO4J_URI's if it has GDS, the project's one server under
    ESSGRAPH_NEO4J_GDS=1, else a second server of the project's, launched with GDS."""
    _import_neo4j()
    if os.environ.get("NEO4J_URI") or ONE_SERVER_WITH_GDS:
        server = request.getfixturevalue("neo4j_server")
        if not server.gds:
            server.gds = _has_gds(server)
        if not server.gds:
            skip_or_fail(f"the Neo4j server at {server.uri} has no Graph Data Science (gds.version() is "
                         "unknown): install the GDS plugin, or unset NEO4J_URI so that the tests start "
                         "their own server with it")
        yield server
        return
    server = _launched(gds=True)
    yield server
    server.stop(remove_data=True)


def _has_gds(server: Neo4jServer) -> bool:
    neo4j = _import_neo4j()
    driver = server.driver()
    try:
        driver.execute_query("RETURN gds.version() AS v")
    except neo4j.exceptions.ClientError:
        return False
    return True


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server) -> str:
    return neo4j_server.uri


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server):
    drv = neo4j_server.driver()
    drv.verify_connectivity()
    return drv


def clean_database(driver) -> None:
    """Empty the default database: data, constraints and indexes (lookup indexes stay)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
        for rec in session.run("SHOW CONSTRAINTS YIELD name").data():
            session.run(f"DROP CONSTRAINT `{rec['name']}` IF EXISTS").consume()
        for rec in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' "
                               "RETURN name").data():
            session.run(f"DROP INDEX `{rec['name']}` IF EXISTS").consume()


@pytest.fixture
def neo4j_clean(neo4j_driver):
    clean_database(neo4j_driver)
    return neo4j_driver


@pytest.fixture(scope="session")
def gds_driver(gds_server):
    drv = gds_server.driver()
    drv.verify_connectivity()
    return drv


@pytest.fixture
def gds_clean(gds_driver):
    """The GDS server's driver after its database was emptied and its graph catalog dropped."""
    for record in gds_driver.execute_query("CALL gds.graph.list() YIELD graphName RETURN graphName").records:
        gds_driver.execute_query("CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName",
                                 name=record["graphName"])
    clean_database(gds_driver)
    return gds_driver
