"""Interactive graphs and the report: self-contained HTML that opens offline.

* :func:`render` — one interactive view (whole network, an organization's
  neighbourhood, a network's members, a region, the gaps, a map of Peru) as a
  single HTML file with vis-network inline; a view past :data:`MAX_ELEMENTS`
  nodes and ties becomes the overview by region (unless ``full=True``); what to
  draw is a :class:`ViewRequest`, what was drawn a :class:`RenderResult`;
* :func:`report` — the planners' report: findings, charts, links to the views
  and the exports, in one folder.

Only this package imports pyvis (for its bundled copy of vis-network).

>>> from essgraph.render import VIEWS
>>> VIEWS
('whole', 'ego', 'network', 'region', 'gaps', 'geo')
"""
from essgraph.render.interactive import MAX_ELEMENTS, PHYSICS_THRESHOLD, RenderResult, ViewRequest, render
from essgraph.render.report_folder import report
from essgraph.render.views import VIEWS

__all__ = ["MAX_ELEMENTS", "PHYSICS_THRESHOLD", "VIEWS", "RenderResult", "ViewRequest", "render", "report"]
