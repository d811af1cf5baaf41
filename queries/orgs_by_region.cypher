// name: orgs_by_region
// question: Which organizations are based in a region?
// param: region: str — region id (e.g. lima)
// columns: id, name, kind
MATCH (o:Organization)
WHERE o.region = $region
RETURN o.id AS id, o.name AS name, o.kind AS kind
ORDER BY id
