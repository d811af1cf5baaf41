// name: network_members
// question: Who are the members of a network, directly or through its sub-networks (PART_OF, transitively)?
// param: network: str — network id (e.g. gresp)
// columns: id, name, steps
// steps is the length of the shortest MEMBER_OF/PART_OF chain to the network (1 = direct member).
MATCH (net:Organization {id: $network})
MATCH p = (m)-[:MEMBER_OF|PART_OF]->(x)-[:PART_OF*0..]->(net)
WHERE m <> net
RETURN m.id AS id, m.name AS name, min(length(p)) AS steps
ORDER BY steps, id
