// name: orgs_tied_to_municipalities
// question: Which organizations have a tie to a municipality of a region, and of which type?
// param: region: str — region id of the municipality (e.g. arequipa)
// columns: organization, name, municipality, types
MATCH (o:Organization)-[r]-(m:Municipality)
WHERE m.region = $region AND type(r) IN ['MEMBER_OF', 'PART_OF', 'FOUNDED', 'ALLIED_WITH', 'COORDINATES_WITH', 'SUPPORTS', 'WORKS_WITH', 'PARTICIPATES_IN', 'SHARES_CONTACT']
WITH o, m, type(r) AS t ORDER BY t
WITH o, m, collect(DISTINCT t) AS types
RETURN o.id AS organization, o.name AS name, m.id AS municipality, types
ORDER BY organization, municipality
