"""Words of the report page (Spanish and English).

>>> REPORT_TEXTS.t("title", "en")
'The Social and Solidarity Economy network of Peru'
"""
from __future__ import annotations

from essgraph.i18n import Catalog

__all__ = ["REPORT_TEXTS"]

REPORT_TEXTS = Catalog({
    "title": ("La red de la Economía Social y Solidaria del Perú", "The Social and Solidarity Economy network of Peru"),
    "subtitle": ("Hallazgos del análisis de redes sobre el mapeo de 2018 · {source}",
                 "Findings of the network analysis of the 2018 mapping · {source}"),
    "progress": ("Preparando el informe", "Preparing the report"),
    "step_analyze": ("análisis", "analysis"),
    "step_view": ("vista {name}", "view {name}"),
    "step_charts": ("gráficos", "charts"),
    "step_exports": ("exportaciones", "exports"),
    "step_index": ("página principal", "main page"),
    # key numbers
    "key_title": ("Lo principal", "At a glance"),
    "key_organizations": ("organizaciones", "organizations"),
    "key_ties": ("vínculos entre ellas", "ties between them"),
    "key_note": ("Un vínculo es un par de organizaciones con al menos una relación que cuenta para el análisis: "
                 "{counted} relaciones forman los {ties} vínculos entre las {organizations} organizaciones. La vista "
                 "«Toda la red» dibuja {edges} relaciones entre {nodes} nodos: también las otras {other}, que no "
                 "cuentan (inferidas, de un tipo que no es vínculo, o con municipalidades u organizaciones propuestas).",
                 "A tie is a pair of organizations with at least one relationship that counts for the analysis: "
                 "{counted} relationships make the {ties} ties between the {organizations} organizations. The "
                 "\u201cwhole network\u201d view draws {edges} relationships between {nodes} nodes: the other {other} "
                 "too, which do not count (inferred, of a type that is no tie, or with municipalities or proposed "
                 "organizations)."),
    "key_isolated": ("sin ningún vínculo registrado", "without any recorded tie"),
    "key_groups": ("grupos desconectados entre sí", "groups disconnected from each other"),
    "key_articulation": ("puntos únicos de falla", "single points of failure"),
    "key_alliances": ("alianzas recomendadas", "recommended alliances"),
    "key_mesa": ("asientos en la Mesa propuesta", "seats in the proposed Mesa"),
    "lead": (
        "De {organizations} organizaciones, {isolated} no tienen ningún vínculo registrado y {one_tie} solo uno. "
        "El grupo conectado más grande reúne a {largest}; hay {groups} grupos que no se tocan entre sí. "
        "{articulation} organizaciones sostienen solas partes de la red: si faltan, la red se parte.",
        "Of {organizations} organizations, {isolated} have no recorded tie and {one_tie} only one. "
        "The largest connected group holds {largest}; there are {groups} groups that do not touch each other. "
        "{articulation} organizations alone hold parts of the network together: without them it splits.",
    ),
    # the map of Peru
    "map_section": ("Mapa del Perú", "Map of Peru"),
    "map_title": ("Organizaciones por departamento y vínculos entre departamentos",
                  "Organizations per department and ties between departments"),
    "map_desc": ("Cada departamento tiene el color de su número de organizaciones (más oscuro, más organizaciones); "
                 "las líneas unen departamentos con vínculos entre sí. Sin organizaciones registradas: {empty}. "
                 "Sin departamento: {outside} organizaciones.",
                 "Each department is coloured by its number of organizations (darker, more); lines join "
                 "departments with ties between them. No organization recorded: {empty}. Without a department: "
                 "{outside} organizations."),
    "map_tip": ("{name}: {n} organizaciones, {alone} sin vínculos, {national} unidas a una red nacional",
                "{name}: {n} organizations, {alone} without ties, {national} tied to a national network"),
    "map_desc_short": ("Más oscuro, más organizaciones; las líneas unen departamentos con vínculos entre sí. "
                       "Pase el cursor (o el dedo) sobre un departamento para ver sus cifras.",
                       "Darker, more organizations; lines join departments with ties between them. Hover (or tap) "
                       "a department for its figures."),
    "map_tip_none": ("{name}: ninguna organización registrada", "{name}: no organization recorded"),
    "map_outside": ("Sin departamento:\n{n} organizaciones", "Without a department:\n{n} organizations"),
    # views
    "views_title": ("Mapas interactivos", "Interactive maps"),
    "views_hint": ("Se abren sin internet. Busque una organización, filtre por región o tipo, haga clic para ver "
                   "sus datos y la cita del informe.",
                   "They open without internet. Search an organization, filter by region or kind, click to see "
                   "its details and the report's quote."),
    "view_whole_about": ("Todas las organizaciones y sus vínculos.", "Every organization and its ties."),
    "view_gaps_about": ("Grupos desconectados, puntos únicos de falla, puentes y las alianzas que los cerrarían.",
                        "Disconnected groups, single points of failure, bridges and the alliances that would close them."),
    "view_overview_about": (
        "La red es demasiado grande para dibujarla entera en un navegador: cada región con sus organizaciones y "
        "sus vínculos con las demás, y las organizaciones más conectadas. Las vistas siguientes muestran partes.",
        "The network is too large to draw whole in a browser: each region with its organizations and its ties "
        "to the others, and the best-connected organizations. The views below show parts of it."),
    "view_geo_about": ("Cada organización en su región, sobre un mapa del Perú.", "Each organization in its region, on a map of Peru."),
    "view_ego_about": ("La organización más conectada y sus vínculos directos.", "The best-connected organization and its direct ties."),
    "view_network_about": ("La red con más miembros.", "The network with the most members."),
    "view_region_about": ("La región con más organizaciones, y sus aliados fuera de ella.",
                          "The region with the most organizations, and its partners elsewhere."),
    "view_in_overview": ("{about} Tendría {nodes} nodos y {edges} vínculos, demasiados para dibujarla: el enlace abre "
                         "el resumen por regiones. Para dibujarla completa: {command}",
                         "{about} It would have {nodes} nodes and {edges} ties, too many to draw: the link opens the "
                         "overview by region. To draw it all: {command}"),
    # sections
    "hubs_title": ("Quiénes articulan la red", "Who holds the network together"),
    "hubs_text": ("Las organizaciones con más vínculos y las que más conectan a otras (intermediación).",
                  "The organizations with the most ties and those that connect others the most (betweenness)."),
    "groups_title": ("Grupos desconectados", "Disconnected groups"),
    "groups_text": ("Hay {groups} grupos de dos o más organizaciones que no se conectan entre sí; el mayor tiene "
                    "{largest}. Los otros grupos:",
                    "There are {groups} groups of two or more organizations that do not connect to each other; the "
                    "largest has {largest}. The other groups:"),
    "failures_title": ("Puntos únicos de falla", "Single points of failure"),
    "failures_text": ("Si una de estas organizaciones deja de participar, otras quedan desconectadas del resto.",
                      "If one of these organizations stops taking part, others are cut off from the rest."),
    "bridges_text": ("Vínculos que son la única conexión entre dos partes de la red:",
                     "Ties that are the only connection between two parts of the network:"),
    "regions_title": ("Regiones que quedan fuera", "Regions left out"),
    "regions_text": ("Regiones sin ningún vínculo con una red nacional: {names}.",
                     "Regions without any tie to a national network: {names}."),
    "regions_empty": ("Regiones donde el mapeo no registró ninguna organización: {names}.",
                      "Regions where the mapping recorded no organization: {names}."),
    "isolated_title": ("Iniciativas sin vínculos registrados", "Initiatives without recorded ties"),
    "isolated_text": ("{isolated} organizaciones no tienen ningún vínculo registrado y {one_tie} solo uno. El informe "
                      "de 2018 no preguntó a cada organización con quién trabaja: sin vínculo registrado no quiere "
                      "decir aislada. Una ronda de mapeo (essgraph survey) lo averigua.",
                      "{isolated} organizations have no recorded tie and {one_tie} only one. The 2018 report did not "
                      "ask each organization whom it works with: no recorded tie does not mean isolated. A mapping "
                      "round (essgraph survey) finds out."),
    "isolated_list": ("Ver las {n} organizaciones sin vínculos registrados", "See the {n} organizations without recorded ties"),
    "alliances_title": ("Alianzas recomendadas", "Recommended alliances"),
    "alliances_text": ("Nuevos vínculos que cerrarían los puntos únicos de falla del grupo principal "
                       "(mínimo teórico: {bound}):",
                       "New ties that would close the main group's single points of failure "
                       "(theoretical minimum: {bound}):"),
    "partners_text": ("Un primer aliado para cada organización aislada o con un solo vínculo:",
                      "A first partner for each isolated or one-tie organization:"),
    "partners_more": ("Ver las {n} propuestas restantes", "See the other {n} proposals"),
    "mesa_title": ("Mesa de Economía Solidaria propuesta", "Proposed Solidarity Economy Mesa"),
    "mesa_text": ("{seats} asientos que juntos alcanzan a {covered} de {total} organizaciones conectadas, "
                  "todas las macro regiones ({macro}) y los sectores principales ({sectors}). «Representa a» cuenta "
                  "al asiento y a sus vínculos directos, aunque otro asiento ya los represente; «Por qué» cuenta "
                  "cada organización una sola vez, en el primer asiento que la representa: esas cifras suman {covered}.",
                  "{seats} seats that together reach {covered} of {total} connected organizations, "
                  "the macro-regions ({macro}) and the main sectors ({sectors}). \u201cRepresents\u201d counts the seat "
                  "and its direct ties, even those another seat already represents; \u201cWhy\u201d counts each "
                  "organization once, at the first seat that represents it: those figures add up to {covered}."),
    "charts_title": ("En gráficos", "In charts"),
    "chart_data": ("Datos del gráfico", "The chart's data"),
    "exports_title": ("Datos para descargar", "Data to download"),
    "export_csv": ("Organizaciones con sus medidas (CSV, abre en Excel)", "Organizations with their measures (CSV, opens in Excel)"),
    "export_json": ("Resultado completo del análisis (JSON)", "Full analysis result (JSON)"),
    "export_xlsx": ("Las tablas de esta página y las organizaciones con sus medidas (Excel, números como números)",
                    "This page's tables and the organizations with their measures (Excel, numbers as numbers)"),
    "field_id": ("id", "id"),
    "field_name": ("Nombre", "Name"),
    "field_acronym": ("Sigla", "Acronym"),
    "field_kind": ("Tipo", "Kind"),
    "field_region": ("Región", "Region"),
    "field_macro_region": ("Macro región", "Macro-region"),
    "field_sector": ("Sector", "Sector"),
    "field_web": ("Web", "Web"),
    "field_degree": ("Vínculos", "Ties"),
    "field_betweenness": ("Intermediación", "Betweenness"),
    "field_role": ("Rol", "Role"),
    "field_articulation_point": ("Punto de articulación", "Articulation point"),
    "field_component": ("Grupo", "Group"),
    "field_community": ("Comunidad", "Community"),
    "field_phone": ("Teléfono", "Phone"),
    "field_email": ("Correo", "E-mail"),
    "export_graphml": ("El grafo para Gephi, yEd o Cytoscape (GraphML)", "The graph for Gephi, yEd or Cytoscape (GraphML)"),
    "export_gexf": ("El grafo para Gephi (GEXF)", "The graph for Gephi (GEXF)"),
    "export_on_request": ("no incluido por el tamaño de la red: genérelo con este comando",
                          "not included at this network size: make it with this command"),
    "method_title": ("Cómo se calculó", "How it was computed"),
    "method_text": (
        "Un vínculo es una relación declarada en el informe entre dos organizaciones ({types}); los vínculos "
        "inferidos (contactos compartidos) y las organizaciones solo propuestas no cuentan. Cada dato enlaza a la "
        "cita del informe que lo prueba. Generado por essgraph el {date}.",
        "A tie is a relationship the report states between two organizations ({types}); inferred ties (shared "
        "contacts) and organizations that are only proposed do not count. Every fact links to the report's quote "
        "that proves it. Generated by essgraph on {date}.",
    ),
    # table headers
    "col_name": ("Organización", "Organization"),
    "col_degree": ("Vínculos", "Ties"),
    "col_betweenness": ("Intermediación", "Betweenness"),
    "col_group": ("Grupo", "Group"),
    "col_size": ("Tamaño", "Size"),
    "col_members": ("Integrantes", "Members"),
    "col_regions": ("Regiones", "Regions"),
    "col_cut_off": ("Quedarían aisladas", "Would be cut off"),
    "col_examples": ("Por ejemplo", "For example"),
    "col_tie": ("Vínculo", "Tie"),
    "col_macro_region": ("Macro región", "Macro-region"),
    "col_organizations": ("Organizaciones", "Organizations"),
    "col_isolated": ("Aisladas", "Isolated"),
    "col_one_tie": ("Un vínculo", "One tie"),
    "col_between": ("Entre", "Between"),
    "col_reason": ("Por qué", "Why"),
    "col_target": ("Organización", "Organization"),
    "col_partner": ("Aliado propuesto", "Proposed partner"),
    "col_kind": ("Tipo", "Kind"),
    "col_represents": ("Representa a (ella y sus vínculos directos)", "Represents (itself and its direct ties)"),
    "none": ("ninguna", "none"),
})
