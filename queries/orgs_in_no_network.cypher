// name: orgs_in_no_network
// question: Which organizations (other than networks themselves) belong to no network?
// columns: id, name, kind
MATCH (o:Organization)
WHERE NOT o:Network AND NOT EXISTS { MATCH (o)-[:MEMBER_OF|PART_OF]->() }
RETURN o.id AS id, o.name AS name, o.kind AS kind
ORDER BY id
