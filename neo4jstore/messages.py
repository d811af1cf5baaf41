"""Messages of the Neo4j store (Spanish default, English with ``lang="en"``).

>>> MESSAGES.t("insecure-uri", "en", uri="bolt://db.example.org:7687").startswith("refusing")
True
"""
from __future__ import annotations

from essgraph.i18n import Catalog

__all__ = ["MESSAGES", "SUMMARY", "short_error"]

MESSAGES = Catalog({
    "insecure-uri": (
        "se rechaza la conexión sin cifrar a un servidor remoto ({uri}): use neo4j+s:// o bolt+s://, "
        "o permita conexiones sin cifrar si la red es de confianza",
        "refusing an unencrypted connection to a remote server ({uri}): use neo4j+s:// or bolt+s://, "
        "or allow insecure connections if the network is trusted",
    ),
    "uri-credentials": (
        "la URI de Neo4j lleva credenciales ({uri}): quítelas y use NEO4J_USER y NEO4J_PASSWORD",
        "the Neo4j URI carries credentials ({uri}): remove them and set NEO4J_USER and NEO4J_PASSWORD",
    ),
    "bad-uri": (
        "URI de Neo4j no válida: {uri} (ejemplo: bolt://localhost:7687 o neo4j+s://xxxx.databases.neo4j.io)",
        "invalid Neo4j URI: {uri} (example: bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io)",
    ),
    "unavailable": (
        "no hay Neo4j en {uri}: inícielo (scripts/neo4j-test-server, Neo4j Desktop o Docker) o defina NEO4J_URI",
        "no Neo4j at {uri}: start it (scripts/neo4j-test-server, Neo4j Desktop or Docker) or set NEO4J_URI",
    ),
    "no-database": ("{uri} no tiene la base de datos '{database}': créela (CREATE DATABASE en Neo4j Enterprise o Aura) o quite NEO4J_DATABASE para usar la predeterminada",
                    "{uri} has no database '{database}': create it (CREATE DATABASE on Neo4j Enterprise or Aura) or unset NEO4J_DATABASE to use the default one"),
    "auth": (
        "Neo4j en {uri} rechazó las credenciales del usuario {user}: revise NEO4J_USER y NEO4J_PASSWORD",
        "Neo4j at {uri} refused the credentials of user {user}: check NEO4J_USER and NEO4J_PASSWORD",
    ),
    "bad-graph": (
        "el grafo no se puede cargar: {problem}",
        "the graph cannot be loaded: {problem}",
    ),
    "incomplete-lost": (
        "carga incompleta: se perdió la conexión con Neo4j en el lote {batch} de {total} ({error}); "
        "la transacción no se confirmó y la base de datos quedó como antes de la carga. "
        "Vuelva a ejecutar el comando cuando Neo4j esté disponible.",
        "incomplete load: the connection to Neo4j was lost at batch {batch} of {total} ({error}); "
        "the transaction was not committed and the database is as it was before the load. "
        "Run the command again when Neo4j is available.",
    ),
    "incomplete-unknown": (
        "carga incompleta: estado desconocido: la conexión se perdió durante la confirmación ({error}) y no se "
        "sabe si la carga se guardó. Vuelva a ejecutar el comando: la carga es idempotente y converge sin duplicados.",
        "incomplete load: unknown state: the connection was lost during the commit ({error}) and it is not known "
        "whether the load was saved. Run the command again: the load is idempotent and converges without duplicates.",
    ),
    "incomplete-error": (
        "carga incompleta: Neo4j rechazó el lote {batch} de {total} ({error}); la base de datos quedó como antes.",
        "incomplete load: Neo4j rejected batch {batch} of {total} ({error}); the database is as it was before.",
    ),
    "incomplete-staged": (
        "carga incompleta: la carga por etapas se interrumpió en el lote {batch} de {total} ({error}); "
        "no se publicó nada: la base de datos quedó como antes de la carga (los lotes ya escritos llevan solo la "
        "etiqueta interna EssgraphStaging, que las consultas no ven, y la próxima carga los borra). "
        "Vuelva a ejecutar el comando cuando Neo4j esté disponible.",
        "incomplete load: the staged load stopped at batch {batch} of {total} ({error}); nothing was published: "
        "the database is as it was before the load (the batches already written carry only the internal label "
        "EssgraphStaging, which queries do not see, and the next load deletes them). "
        "Run the command again when Neo4j is available.",
    ),
    "out-of-memory": (
        "carga incompleta: Neo4j se quedó sin memoria de transacciones en el lote {batch} de {total} ({error}); "
        "la base de datos quedó como antes. Use lotes más pequeños (ahora {batch_size} filas); si la carga va en una "
        "sola transacción (cambios sobre datos ya cargados), reemplace los nodos del proyecto para cargarla por etapas, o aumente la "
        "memoria del servidor (server.memory.heap.max_size y dbms.memory.transaction.total.max, o -Xmx en "
        "ESSGRAPH_NEO4J_JAVA_OPTS para el servidor de pruebas).",
        "incomplete load: Neo4j ran out of transaction memory at batch {batch} of {total} ({error}); "
        "the database is as it was before. Use smaller batches (now {batch_size} rows); if the load runs as one "
        "transaction (changes to data already loaded), replace the project's nodes to stage it, or give the server more memory "
        "(server.memory.heap.max_size and dbms.memory.transaction.total.max, or -Xmx in ESSGRAPH_NEO4J_JAVA_OPTS "
        "for the test server).",
    ),
    "count-mismatch": (
        "carga incompleta: se esperaban {expected} {what} y se escribieron {written}; nada se guardó",
        "incomplete load: expected {expected} {what} but {written} were written; nothing was saved",
    ),
    "no-gds": (
        "este servidor Neo4j no tiene Graph Data Science (gds.version() no existe): instale el plugin GDS "
        "(Neo4j Desktop o Server; en Aura, una instancia con Graph Analytics) o analice aquí, sin GDS",
        "this Neo4j server has no Graph Data Science (gds.version() is unknown): install the GDS plugin "
        "(Neo4j Desktop or Server; on Aura, an instance with Graph Analytics) or analyse here, without GDS",
    ),
    "gds-failed": (
        "Graph Data Science falló: {error}. Si falta memoria, dé más al servidor "
        "(server.memory.heap.max_size; -Xmx en ESSGRAPH_NEO4J_JAVA_OPTS para el servidor de pruebas)",
        "Graph Data Science failed: {error}. If memory ran out, give the server more "
        "(server.memory.heap.max_size; -Xmx in ESSGRAPH_NEO4J_JAVA_OPTS for the test server)",
    ),
    "gds-lost": (
        "se perdió la conexión con Neo4j durante el análisis con Graph Data Science ({error}); vuelva a ejecutarlo",
        "the connection to Neo4j was lost during the Graph Data Science analysis ({error}); run it again",
    ),
    "analysis-bad": (
        "el análisis no se puede escribir en Neo4j: {problem}",
        "the analysis cannot be written to Neo4j: {problem}",
    ),
    "analysis-missing": (
        "análisis no escrito: {n} organizaciones analizadas no están en Neo4j ({ids}); cargue antes el grafo "
        "(essgraph neo4j load) o analice lo que está en Neo4j (--backend neo4j). No se cambió nada.",
        "analysis not written: {n} analysed organizations are not in Neo4j ({ids}); load the graph first "
        "(essgraph neo4j load) or analyse what is in Neo4j (--backend neo4j). Nothing was changed.",
    ),
    "analysis-incomplete": (
        "análisis no escrito: {error}; la transacción no se confirmó y Neo4j quedó como antes "
        "(con el análisis anterior, si lo había). Vuelva a ejecutar el comando.",
        "analysis not written: {error}; the transaction was not committed and Neo4j is as it was "
        "(with the previous analysis, if any). Run the command again.",
    ),
    "analysis-unknown": (
        "análisis en estado desconocido: la conexión se perdió durante la confirmación ({error}). "
        "Vuelva a ejecutar el comando: la escritura reemplaza el análisis entero.",
        "analysis in an unknown state: the connection was lost during the commit ({error}). "
        "Run the command again: the write replaces the whole analysis.",
    ),
    "pull-failed": (
        "no se pudo leer el grafo de Neo4j en {uri}: {error}",
        "could not read the graph from Neo4j at {uri}: {error}",
    ),
})

SUMMARY = Catalog({
    "summary": (
        "nodos: {nc} creados, {nu} actualizados, {nn} sin cambios; relaciones: {rc} creadas, {ru} actualizadas, "
        "{rn} sin cambios ({batches} lotes, {attempts} intento(s)){deleted}",
        "nodes: {nc} created, {nu} updated, {nn} unchanged; relationships: {rc} created, {ru} updated, "
        "{rn} unchanged ({batches} batches, {attempts} attempt(s)){deleted}",
    ),
    "deleted": ("; {n} nodos del proyecto borrados antes", "; {n} project nodes deleted first"),
    "analysis-removed": ("; se quitó el análisis escrito en Neo4j, que describía los datos anteriores "
                         "(vuelva a escribirlo con essgraph analyze --write-neo4j)",
                         "; the analysis written in Neo4j, which described the previous data, was removed "
                         "(write it again with essgraph analyze --write-neo4j)"),
    "pulled": ("{nodes} nodos y {rels} relaciones leídos de Neo4j; instantánea guardada en {path}",
               "{nodes} nodes and {rels} relationships read from Neo4j; snapshot saved to {path}"),
    "analysis-written": (
        "análisis escrito en Neo4j: {nodes} organizaciones, {ties} alianzas propuestas (PROPOSED_TIE), "
        "{seats} asientos de la Mesa (MesaSeat){replaced}",
        "analysis written to Neo4j: {nodes} organizations, {ties} proposed alliances (PROPOSED_TIE), "
        "{seats} Mesa seats (MesaSeat){replaced}",
    ),
    "analysis-replaced": ("; reemplaza el análisis anterior ({nodes} organizaciones, {ties} alianzas propuestas)",
                          "; replaces the previous analysis ({nodes} organizations, {ties} proposed alliances)"),
    "password": ("Contraseña de Neo4j para {user}", "Neo4j password for {user}"),
})


def short_error(exc: BaseException) -> str:
    """The first line of an error, with its type, at most 200 characters (for messages).

    >>> short_error(ValueError("bad value\\nmore"))
    'ValueError: bad value'
    """
    text = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return text[:200]
