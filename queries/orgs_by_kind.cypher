// name: orgs_by_kind
// question: Which organizations are of a kind (cooperative, ngo, network…)?
// param: kind: str — organization kind (e.g. cooperative)
// columns: id, name, region
MATCH (o:Organization)
WHERE o.kind = $kind
RETURN o.id AS id, o.name AS name, o.region AS region
ORDER BY id
