"""Words a planner reads in the interactive pages and the report (Spanish and English).

Labels of kinds, sectors and relationship types come from the graph model's
vocabularies; this catalogue holds the rest (titles, legend, panels, notices).

Examples
--------
>>> TEXTS.t("view_whole", "es"), TEXTS.t("view_whole", "en")
('Toda la red', 'The whole network')
>>> ui_strings("en")["search_placeholder"]
'Search an organization…'
"""
from __future__ import annotations

from essgraph.i18n import Catalog

__all__ = ["TEXTS", "UI_KEYS", "ui_strings"]

TEXTS = Catalog({
    # titles of the views
    "view_whole": ("Toda la red", "The whole network"),
    "view_ego": ("Vecindario de {name} ({steps} pasos)", "Neighbourhood of {name} ({steps} steps)"),
    "view_ego_1": ("Vecindario de {name} (vínculos directos)", "Neighbourhood of {name} (direct ties)"),
    "view_network": ("Miembros de {name}", "Members of {name}"),
    "view_region": ("Región {name}", "Region {name}"),
    "view_gaps": ("Brechas: grupos desconectados, puntos de articulación y puentes",
                  "Gaps: disconnected groups, articulation points and bridges"),
    "view_geo": ("Mapa por regiones del Perú", "Map by region of Peru"),
    "subtitle": ("Economía Social y Solidaria del Perú (informe 2018)",
                 "Social and Solidarity Economy of Peru (2018 report)"),
    "confidential": ("CONFIDENCIAL – contiene datos personales", "CONFIDENTIAL – contains personal data"),
    "print_source": ("Fuente: {source} · essgraph", "Source: {source} · essgraph"),
    "precomputed": (
        "La red tiene {n} nodos: la disposición se calculó de antemano y la simulación física está "
        "apagada para que la página se mueva con fluidez.",
        "The network has {n} nodes: the layout was computed beforehand and the physics simulation is "
        "off so that the page pans smoothly.",
    ),
    "counts": ("{nodes} nodos · {edges} relaciones · {ties} vínculos en el análisis",
               "{nodes} nodes · {edges} relationships · {ties} ties in the analysis"),
    "counts_note": ("De las {edges} relaciones dibujadas, {counted} cuentan para el análisis y forman {ties} vínculos "
                    "entre {organizations} organizaciones (varias relaciones entre un mismo par son un vínculo); las "
                    "otras {other} no cuentan (inferidas, de un tipo que no es vínculo, o con municipalidades u "
                    "organizaciones propuestas).",
                    "Of the {edges} relationships drawn, {counted} count for the analysis and make {ties} ties between "
                    "{organizations} organizations (several relationships of one pair are one tie); the other {other} "
                    "do not count (inferred, of a type that is no tie, or with municipalities or proposed "
                    "organizations)."),
    "view_overview": ("Resumen de la red por regiones", "Overview of the network by region"),
    "counts_overview": ("{groups} regiones · {hubs} organizaciones más conectadas",
                        "{groups} regions · the {hubs} best-connected organizations"),
    "too_large": (
        "La vista {view} tendría {nodes} nodos y {edges} vínculos: demasiado para que un navegador la dibuje "
        "y se mueva con fluidez. Se muestra el resumen por regiones y las {hubs} organizaciones más conectadas; "
        "haga clic en una región para ver cómo abrirla sola (essgraph render --view region --focus ID), "
        "o use --full para dibujar la vista completa.",
        "The {view} view would have {nodes} nodes and {edges} ties: too many for a browser to draw and pan "
        "smoothly. Showing the overview by region and the {hubs} best-connected organizations instead; click a "
        "region to see how to open it alone (essgraph render --view region --focus ID), or use --full to draw "
        "the whole view.",
    ),
    "overview_about": (
        "Cada círculo es una región (tamaño: sus organizaciones) y cada línea los vínculos entre dos regiones; "
        "también se dibujan las {hubs} organizaciones más conectadas. Haga clic en una región para ver cómo abrirla.",
        "Each circle is a region (size: its organizations) and each line the ties between two regions; the "
        "{hubs} best-connected organizations are drawn too. Click a region to see how to open it.",
    ),
    "legend_regions_of": ("Regiones de {name} (círculos del resumen)", "Regions of {name} (circles of the overview)"),
    "aggregate_ties": ("{n} vínculos entre organizaciones de ambas regiones",
                       "{n} ties between organizations of the two regions"),
    # controls
    "search_placeholder": ("Buscar una organización…", "Search an organization…"),
    "search_button": ("Buscar", "Search"),
    "no_match": ("Ninguna organización coincide.", "No organization matches."),
    "filter_region": ("Región", "Region"),
    "filter_macro_region": ("Macro región", "Macro-region"),
    "filter_kind": ("Tipo", "Kind"),
    "filter_sector": ("Sector", "Sector"),
    "filter_network": ("Red", "Network"),
    "filter_all": ("(todas)", "(all)"),
    "reset": ("Quitar filtros", "Clear filters"),
    "toolbar": ("Buscar y filtrar", "Search and filter"),
    "graph_label": ("Dibujo de la red: {title}. Para recorrer sus organizaciones con el teclado, abra la lista "
                    "«Organizaciones en la vista».",
                    "Drawing of the network: {title}. To go through its organizations with the keyboard, open the "
                    "list \u201cOrganizations in the view\u201d."),
    "sheet": ("Datos y leyenda", "Details and legend"),
    "node_list": ("Organizaciones en la vista", "Organizations in the view"),
    "node_list_hint": ("Elija una para ver sus datos y ubicarla en el dibujo.",
                       "Pick one to see its details and find it in the drawing."),
    "show_proposals": ("Mostrar alianzas propuestas", "Show proposed alliances"),
    "visible": ("visibles", "visible"),
    # legend
    "legend": ("Leyenda", "Legend"),
    "legend_colour_kind": ("Color: tipo de actor", "Colour: kind of actor"),
    "legend_colour_macro_region": ("Color: macro región", "Colour: macro-region"),
    "legend_colour_component": ("Color: grupo conectado", "Colour: connected group"),
    "legend_size": ("Tamaño: {measure}", "Size: {measure}"),
    "legend_shapes": ("Forma", "Shape"),
    "legend_marks": ("Marcas", "Marks"),
    "shape_org": ("Organización", "Organization"),
    "shape_network": ("Red, plataforma o mesa", "Network, platform or mesa"),
    "shape_muni": ("Municipalidad", "Municipality"),
    "shape_person": ("Persona", "Person"),
    "mark_articulation": ("Borde grueso: punto de articulación (si desaparece, la red se parte)",
                          "Thick border: articulation point (if it goes, the network splits)"),
    "mark_bridge": ("Línea gruesa roja: puente (único vínculo entre dos partes)",
                    "Thick red line: bridge (the only tie between two parts)"),
    "mark_isolated": ("Borde rojo punteado: iniciativa aislada (sin vínculos)",
                      "Dotted red border: isolated initiative (no ties)"),
    "mark_one_tie": ("Borde naranja: iniciativa con un solo vínculo", "Orange border: initiative with one tie"),
    "mark_inferred": ("Línea discontinua: vínculo inferido (no declarado en el informe)",
                      "Dashed line: inferred tie (not stated in the report)"),
    "mark_one_sided": ("Línea de trazo y punto: vínculo declarado en una encuesta por una sola de las dos "
                       "organizaciones (la otra aún no lo confirma)",
                       "Dash-dot line: tie reported in a survey by only one of the two organizations (the other has "
                       "not confirmed it yet)"),
    "mark_proposed": ("Línea verde punteada: alianza propuesta (recomendaciones)",
                      "Dotted green line: proposed alliance (recommendations)"),
    "mark_faded": ("Gris claro: fuera del foco de la vista", "Light grey: outside the view's focus"),
    "measure_degree": ("número de vínculos", "number of ties"),
    "measure_betweenness": ("intermediación (cuánto conecta a otros)", "betweenness (how much it connects others)"),
    "measure_eigenvector": ("centralidad de vector propio (vínculos con actores centrales)",
                            "eigenvector centrality (ties to central actors)"),
    "no_region": ("Sin región", "No region"),
    "other": ("Otros", "Other"),
    "component": ("Grupo {n}", "Group {n}"),
    "group_isolated": ("Aisladas (sin vínculos)", "Isolated (no ties)"),
    "group_outside": ("Fuera del análisis (municipalidades, propuestas)",
                      "Outside the analysis (municipalities, proposed)"),
    "group_other": ("Otros grupos pequeños", "Other small groups"),
    # the report's picture of the network (render/picture.py)
    "picture_title": ("El grupo principal de la red", "The network's main group"),
    "picture_alt": (
        "Dibujo de las {shown} organizaciones del grupo principal, las que están unidas entre sí por algún camino "
        "de vínculos{of}. En color ámbar, los {hubs} nodos centrales (los que más vínculos tienen): "
        "{hub_names}. Con borde negro grueso, {cuts} puntos únicos de falla: {cut_names}. En rojo, {bridges} "
        "puente(s): vínculos que son la única conexión entre dos partes. Sus nombres se escriben donde caben "
        "sin tapar otro.",
        "Drawing of the {shown} organizations of the main group, those joined to each other by some path of "
        "ties{of}. In amber, the {hubs} hubs (those with the most ties): {hub_names}. With a thick black "
        "border, {cuts} single points of failure: {cut_names}. In red, {bridges} bridge(s): ties that are the only "
        "connection between two parts. Their names are written where they fit without covering another."),
    "picture_of": (" (las {shown} con más vínculos de {total})", " (the {shown} with the most ties of {total})"),
    "picture_none": ("ninguno", "none"),
    "picture_hub": ("Nodo central (más vínculos)", "Hub (most ties)"),
    "picture_cut": ("Borde negro grueso: punto único de falla", "Thick black border: single point of failure"),
    "picture_bridge": ("Línea roja: puente (única conexión)", "Red line: bridge (the only connection)"),
    "picture_tie": ("Línea gris: vínculo", "Grey line: tie"),
    "picture_other": ("Otra organización del grupo", "Another organization of the group"),
    # charts
    "chart_heat_map": ("Vínculos dentro de y entre macro regiones", "Ties within and between macro-regions"),
    "chart_degree": ("Cuántos vínculos tiene cada organización", "How many ties each organization has"),
    "chart_degree_x": ("número de vínculos", "number of ties"),
    "chart_organizations": ("organizaciones", "organizations"),
    "chart_isolation": ("Organizaciones aisladas por macro región", "Isolated organizations per macro-region"),
    "chart_connected": ("dos o más vínculos", "two or more ties"),
    "chart_heat_map_alt": (
        "Mapa de calor de los vínculos dentro de cada macro región (diagonal) y entre dos de ellas. Más vínculos: "
        "{top}. Todas las cifras están en la tabla de datos del gráfico.",
        "Heat map of the ties within each macro-region (diagonal) and between two of them. Most ties: {top}. "
        "Every figure is in the table of the chart's data."),
    "chart_pair": ("{a} con {b}: {n}", "{a} with {b}: {n}"),
    "chart_no_ties": ("ninguno", "none"),
    "chart_degree_alt": (
        "Barras: cuántas organizaciones tienen cada número de vínculos. Ningún vínculo: {none}; uno: {one}; "
        "dos: {two}; tres o más: {more}. La que más tiene: {top}.",
        "Bars: how many organizations have each number of ties. No tie: {none}; one: {one}; two: {two}; "
        "three or more: {more}. The most ties: {top}."),
    "chart_isolation_alt": (
        "Barras por macro región: organizaciones sin vínculos (rojo), con uno (naranja) y con dos o más (azul). "
        "{parts}.",
        "Bars per macro-region: organizations without ties (red), with one (orange) and with two or more (blue). "
        "{parts}."),
    "chart_isolation_part": ("{name}: {isolated} de {total} sin vínculos, {one} con uno",
                             "{name}: {isolated} of {total} without ties, {one} with one"),
    # panel
    "panel_hint": ("Haga clic en un nodo o un vínculo para ver sus datos y la cita del informe.",
                   "Click a node or a tie to see its details and the report's quote."),
    "field_kind": ("Tipo", "Kind"),
    "field_region": ("Región", "Region"),
    "field_macro_region": ("Macro región", "Macro-region"),
    "field_sector": ("Sector", "Sector"),
    "field_networks": ("Redes", "Networks"),
    "field_web": ("Web", "Web"),
    "field_aliases": ("También llamada", "Also called"),
    "field_description": ("Descripción", "Description"),
    "field_note": ("Nota", "Note"),
    "field_status": ("Estado", "Status"),
    "field_role": ("Rol", "Role"),
    "field_phone": ("Teléfono", "Phone"),
    "field_email": ("Correo", "E-mail"),
    "field_measure": ("Vínculos en el análisis", "Ties in the analysis"),
    "outside_proposed": ("ninguno: es una organización propuesta y el análisis cuenta solo las que existen",
                         "none: it is a proposed organization, and the analysis counts only existing ones"),
    "outside_not_organization": ("ninguno: el análisis cuenta solo organizaciones",
                                 "none: the analysis counts organizations only"),
    "field_marks": ("Marcas", "Marks"),
    "ties": ("Relaciones en esta vista, con su evidencia", "Relationships in this view, with their evidence"),
    "ties_counted": ("{n} cuentan para el análisis: son vínculos con {partners} organización(es) (varias relaciones "
                     "con una misma organización son un vínculo)",
                     "{n} count for the analysis: ties with {partners} organization(s) (several relationships with "
                     "one organization are one tie)"),
    "ties_uncounted": ("{n} no cuentan (inferidas, de un tipo que no es vínculo, o con una municipalidad o una "
                       "organización propuesta)",
                       "{n} do not count (inferred, of a type that is no tie, or with a municipality or a proposed "
                       "organization)"),
    "ties_hidden": ("{n} vínculo(s) más con organizaciones fuera de esta vista",
                    "{n} more tie(s) with organizations outside this view"),
    "proposals": ("Alianzas propuestas", "Proposed alliances"),
    "evidence_stated": ("declarado", "stated"),
    "evidence_inferred": ("inferido", "inferred"),
    "evidence_reported": ("declarado en una encuesta", "reported in a survey"),
    "evidence_one_sided": ("declarado en una encuesta por una sola de las dos organizaciones: la otra aún no lo confirma",
                           "reported in a survey by only one of the two organizations: the other has not confirmed it yet"),
    "proposed": ("alianza propuesta", "proposed alliance"),
    "section": ("Sección", "Section"),
    "articulation": ("punto de articulación", "articulation point"),
    "isolated": ("aislada", "isolated"),
    "one_tie": ("un solo vínculo", "one tie"),
    "bridge": ("puente", "bridge"),
    "aggregate_members": ("Organizaciones", "Organizations"),
    "aggregate_inside": ("Vínculos dentro", "Ties inside"),
    "aggregate_partners": ("Más vínculos con", "Most ties with"),
    "aggregate_how": ("Para ver sus organizaciones:", "To see its organizations:"),
})

#: Keys sent to the page's script (labels of controls, legend and panel).
UI_KEYS = (
    "search_placeholder", "search_button", "no_match", "filter_all", "reset", "toolbar", "sheet", "node_list",
    "node_list_hint", "show_proposals", "visible",
    "panel_hint", "field_kind", "field_region", "field_macro_region", "field_sector", "field_networks",
    "field_web", "field_aliases", "field_description", "field_note", "field_status", "field_role", "field_phone",
    "field_email", "field_measure", "outside_proposed", "outside_not_organization", "field_marks", "ties",
    "ties_counted", "ties_uncounted", "ties_hidden", "proposals", "evidence_stated", "evidence_inferred",
    "proposed", "section", "articulation", "isolated", "one_tie", "bridge", "aggregate_members", "aggregate_inside",
    "aggregate_partners", "aggregate_how",
)


def ui_strings(lang: str) -> dict[str, str]:
    """The page script's strings in ``lang``, keyed by :data:`UI_KEYS` (the script fills their ``{n}``, ``{partners}``).

    >>> ui_strings("en")["ties_hidden"]
    '{n} more tie(s) with organizations outside this view'
    """
    return {key: TEXTS.t(key, lang, **_SCRIPT_FILLS) for key in UI_KEYS}


#: Placeholders the page's script fills in (kept as they are).
_SCRIPT_FILLS = {name: "{" + name + "}" for name in ("n", "partners")}
