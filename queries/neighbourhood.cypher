// name: neighbourhood
// question: Which organizations and municipalities are within N ties of an organization?
// param: id: str — organization id (e.g. gresp)
// param: steps: int — at most this many ties, 1 to 10 (e.g. 2)
// columns: id, name, distance
// (The length filter comes after the WITH so that shortestPath never falls back to an exhaustive search.)
MATCH (a:Organization {id: $id})
MATCH (b) WHERE (b:Organization OR b:Municipality) AND b <> a
MATCH p = shortestPath((a)-[:MEMBER_OF|PART_OF|FOUNDED|ALLIED_WITH|COORDINATES_WITH|SUPPORTS|WORKS_WITH|PARTICIPATES_IN|SHARES_CONTACT*..10]-(b))
WITH b, length(p) AS distance
WHERE distance <= $steps
RETURN b.id AS id, b.name AS name, distance
ORDER BY distance, id
