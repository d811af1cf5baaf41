// name: shortest_chain
// question: What is the shortest chain of ties between two organizations (every shortest chain)?
// param: from: str — organization id (e.g. gresp)
// param: to: str — another organization id (e.g. ripess)
// columns: path, names, hops
// Ties are followed in both directions; regions and people are not part of a chain.
MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
MATCH p = allShortestPaths((a)-[:MEMBER_OF|PART_OF|FOUNDED|ALLIED_WITH|COORDINATES_WITH|SUPPORTS|WORKS_WITH|PARTICIPATES_IN|SHARES_CONTACT*]-(b))
WITH DISTINCT [n IN nodes(p) | n.id] AS path, [n IN nodes(p) | n.name] AS names
RETURN path, names, size(path) - 1 AS hops
ORDER BY path
