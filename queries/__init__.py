"""Named, documented, parameterised queries for the planners' questions.

Each query is a ``.cypher`` file in this package with a header (question,
parameters, columns), answered by Neo4j, and a function of :mod:`.embedded`
that answers it over the NetworkX graph with identical rows.

>>> from essgraph.queries import list_queries
>>> "network_members" in [q.name for q in list_queries()]
True
"""
from essgraph.queries.embedded import EMBEDDED, TIE_TYPES
from essgraph.queries.library import Param, QuerySpec, get_query, list_queries, parse_params
from essgraph.queries.run import QueryResult, check_values, query, run_cypher, run_embedded

__all__ = ["EMBEDDED", "TIE_TYPES", "Param", "QuerySpec", "get_query", "list_queries", "parse_params",
           "QueryResult", "check_values", "query", "run_cypher", "run_embedded"]
