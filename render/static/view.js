/* essgraph interactive view: draws the embedded data with vis-network, offline.
 * Every text from the data reaches the page through textContent, new Option()
 * or the canvas, never through innerHTML: a name with markup shows as text. */
(function () {
  "use strict";
  var mark = function (name) { if (window.performance && performance.mark) { performance.mark("essgraph-" + name); } };
  mark("start");
  var data = JSON.parse(document.getElementById("essgraph-data").textContent);
  mark("parsed");
  var ui = data.ui, meta = data.meta;
  var byId = {}, ties = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; ties[n.id] = []; });
  data.edges.concat(data.proposals).forEach(function (e) {
    ties[e.from].push(e);
    if (e.to !== e.from) { ties[e.to].push(e); }
  });

  var active = {};
  var showProposals = true;
  /* Labels shown at first: the page data marks "quiet" the nodes not named at first (hubs, cut points and the
   * focus are, where their labels do not overlap: essgraph.render.labels); a quiet label is drawn see-through
   * until the node is hovered, picked or searched, or the view is zoomed in to twice its first scale. */
  var SEE_THROUGH = "rgba(0,0,0,0)";
  var quietIds = data.nodes.filter(function (n) { return n.quiet; }).map(function (n) { return n.id; });
  function quietFont(font) { return Object.assign({}, font, { color: SEE_THROUGH, strokeColor: SEE_THROUGH }); }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return n.quiet ? Object.assign({}, n, { font: quietFont(n.font) }) : n;
  }));
  var edges = new vis.DataSet(data.edges.concat(data.proposals));
  var nodeView = new vis.DataView(nodes, { filter: matches });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return showProposals || e.id.charAt(0) !== "p"; }
  });

  function matches(n) {
    for (var key in active) {
      var want = active[key];
      if (!want) { continue; }
      if (key === "network") {
        if (n.id !== want && n.f.network.indexOf(want) < 0) { return false; }
      } else if (n.f[key] !== want) {
        return false;
      }
    }
    return true;
  }

  var container = document.getElementById("graph");
  var large = data.nodes.length > meta.threshold;
  var options = {
    autoResize: true,
    layout: { randomSeed: 42, improvedLayout: data.nodes.length <= 150 },
    nodes: {
      font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: large ? 8 : 3 } },
      chosen: { node: true, label: function (values) { values.color = "#222222"; values.strokeColor = "#ffffff"; } }
    },
    edges: Object.assign({ arrows: { to: { enabled: false, scaleFactor: 0.5 } }, selectionWidth: 2 },
                         data.edge_defaults),
    physics: meta.physics ? {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -50, centralGravity: 0.03, springLength: 80, avoidOverlap: 0.4 },
      stabilization: { iterations: 300, fit: true }
    } : false,
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: large, hideEdgesOnZoom: large }
  };
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  mark("network");

  var firstScale = 0, quietShown = false;
  function showQuiet(show) {
    if (show === quietShown || !quietIds.length) { return; }
    quietShown = show;
    nodes.update(quietIds.map(function (id) { return { id: id, font: show ? byId[id].font : quietFont(byId[id].font) }; }));
  }
  network.on("zoom", function (p) { if (firstScale) { showQuiet(p.scale >= 2 * firstScale); } });

  function ready() {
    firstScale = network.getScale();
    mark("drawn");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    document.body.setAttribute("data-ready", "1");
  }
  function fitMap() {
    var xs = meta.map.outline.map(function (p) { return p[0]; });
    var ys = meta.map.outline.map(function (p) { return p[1]; }).concat(data.nodes.map(function (n) { return n.y; }));
    xs = xs.concat(data.nodes.map(function (n) { return n.x; }));
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var scale = 0.95 * Math.min(container.clientWidth / (x1 - x0 + 1), container.clientHeight / (y1 - y0 + 1));
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale });
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      ready();
    });
  } else if (meta.map) {
    network.once("afterDrawing", function () { fitMap(); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }

  if (meta.map) {
    network.on("beforeDrawing", function (ctx) {
      var pts = meta.map.outline;
      ctx.save();
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      for (var i = 1; i < pts.length; i++) { ctx.lineTo(pts[i][0], pts[i][1]); }
      ctx.closePath();
      ctx.fillStyle = "#f3efe4";
      ctx.strokeStyle = "#b9ad8f";
      ctx.lineWidth = 3;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#8a7f66";
      ctx.font = "italic 40px system-ui, sans-serif";
      ctx.textAlign = "center";
      meta.map.labels.forEach(function (l) { ctx.fillText(l[2], l[0], l[1] - l[3] - 18); });
      ctx.restore();
    });
  }

  /* ---- panel, built from text nodes ---- */
  var panel = document.getElementById("panel");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function field(dl, label, value) {
    if (value === undefined || value === null || value === "" || (value.length === 0)) { return; }
    dl.appendChild(el("dt", label));
    var dd = el("dd", Array.isArray(value) ? value.join(", ") : value);
    dl.appendChild(dd);
    return dd;
  }
  function markNames(marks) {
    return marks.filter(function (m) { return ui[m]; }).map(function (m) { return ui[m]; });
  }
  function tieItem(e, from) {
    var li = document.createElement("li");
    var other = byId[e.from === from ? e.to : e.from];
    var head = e.id.charAt(0) === "p" ? ui.proposed : e.type;
    li.appendChild(el("strong", head));
    li.appendChild(document.createTextNode(" " + (e.from === from ? "→ " : "← ") + (other ? other.name : "")));
    var quote = e.quote || e.reason;
    if (quote) { li.appendChild(el("blockquote", quote)); }
    var bits = [];
    if (e.section) { bits.push(ui.section + ": " + e.section); }
    if (e.year) { bits.push(String(e.year)); }
    if (e.evidence) { bits.push(e.evidence); }
    bits = bits.concat(markNames(e.marks || []));
    if (e.note) { bits.push(e.note); }
    if (bits.length) { li.appendChild(el("div", bits.join(" · "), "meta")); }
    return li;
  }
  function showAggregate(n) {
    var a = n.aggregate;
    panel.replaceChildren();
    panel.appendChild(el("h2", n.name));
    var dl = el("dl");
    field(dl, ui.aggregate_members, String(a.members));
    field(dl, ui.aggregate_inside, String(a.inside));
    field(dl, ui.aggregate_partners, a.partners.map(function (p) { return p[0] + " (" + p[1] + ")"; }));
    panel.appendChild(dl);
    if (a.command) {
      panel.appendChild(el("p", ui.aggregate_how));
      panel.appendChild(el("code", a.command, "command"));
    }
  }
  function showNode(id, quiet) {  /* quiet: the view's own focus, shown without opening the phone's sheet */
    var n = byId[id];
    if (!n) { return; }
    if (!quiet) { openSheet(true); }
    if (n.aggregate) { showAggregate(n); return; }
    panel.replaceChildren();
    panel.appendChild(el("h2", n.name));
    var dl = el("dl");
    field(dl, ui.field_aliases, [n.acronym].concat(n.aliases).filter(Boolean));
    field(dl, ui.field_kind, n.kind);
    field(dl, ui.field_status, n.status);
    field(dl, ui.field_region, n.region);
    field(dl, ui.field_macro_region, n.macro_region);
    field(dl, ui.field_sector, n.sector);
    field(dl, ui.field_networks, n.networks);
    field(dl, ui.field_description, n.description);
    field(dl, ui.field_note, n.note);
    field(dl, ui.field_role, n.role);
    field(dl, ui.field_phone, n.phone);
    field(dl, ui.field_email, n.email);
    field(dl, ui.field_measure, n.outside ? ui["outside_" + n.outside] : String(n.degree));
    field(dl, ui.field_marks, markNames(n.marks));
    var web = field(dl, ui.field_web, n.web);
    if (web && /^https?:\/\/[^\s]+$/i.test(n.web)) {
      var a = el("a", n.web);
      a.href = n.web;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      web.replaceChildren(a);
    }
    panel.appendChild(dl);
    var drawn = ties[id].filter(function (e) { return e.id.charAt(0) !== "p"; });
    var proposed = ties[id].filter(function (e) { return e.id.charAt(0) === "p"; });
    if (drawn.length) {
      panel.appendChild(el("h3", ui.ties + " (" + drawn.length + ")"));
      panel.appendChild(el("p", tieCounts(n, drawn), "tie-counts"));
      tieList(drawn, id);
    }
    if (proposed.length) {
      panel.appendChild(el("h3", ui.proposals + " (" + proposed.length + ")"));
      tieList(proposed, id);
    }
  }
  function tieList(list, id) {
    var ul = el("ul", null, "ties");
    list.forEach(function (e) { ul.appendChild(tieItem(e, id)); });
    panel.appendChild(ul);
  }
  /* One line that says how the relationships listed make the node's ties in the analysis: those that
   * count (several with one organization are one tie), those that do not, and ties outside the view. */
  function tieCounts(n, drawn) {
    var counted = drawn.filter(function (e) { return !e.uncounted; });
    var partners = {};
    counted.forEach(function (e) { partners[e.from === n.id ? e.to : e.from] = true; });
    var reached = Object.keys(partners).length, parts = [];
    if (counted.length) { parts.push(say(ui.ties_counted, { n: counted.length, partners: reached })); }
    if (drawn.length > counted.length) { parts.push(say(ui.ties_uncounted, { n: drawn.length - counted.length })); }
    if (!n.outside && n.degree > reached) { parts.push(say(ui.ties_hidden, { n: n.degree - reached })); }
    return parts.join("; ") + ".";
  }
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }
  function showEdge(id) {
    var e = edges.get(id);
    if (!e) { return; }
    panel.replaceChildren();
    panel.appendChild(el("h2", byId[e.from].name + " — " + byId[e.to].name));
    var ul = el("ul", null, "ties");
    ul.appendChild(tieItem(e, e.from));
    panel.appendChild(ul);
  }

  /* ---- tooltip (text only) ---- */
  var tip = document.getElementById("tooltip");
  function showTip(text, pointer) {
    var box = container.getBoundingClientRect();
    tip.textContent = text;
    tip.style.left = (box.left + pointer.x + 14) + "px";
    tip.style.top = (box.top + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    if (n.aggregate) { showTip(n.name + "\n" + ui.aggregate_members + ": " + n.aggregate.members, p.pointer.DOM); return; }
    var lines = [n.name, [n.kind, n.region || n.macro_region].filter(Boolean).join(" · ")];
    var marks = markNames(n.marks);
    if (marks.length) { lines.push(marks.join(", ")); }
    showTip(lines.join("\n"), p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    var head = e.id.charAt(0) === "p" ? ui.proposed : e.evidence ? e.type + " (" + e.evidence + ")" : e.type;
    var quote = e.quote || e.reason || "";
    showTip(head + "\n" + (quote.length > 220 ? quote.slice(0, 219) + "…" : quote), p.pointer.DOM);
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  /* ---- search ---- */
  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) {
    names.appendChild(new Option(n.acronym ? n.name + " (" + n.acronym + ")" : n.name));
  });
  var result = document.getElementById("search-result");
  function rank(n, q) {
    var exact = [n.name, n.acronym].concat(n.aliases).map(norm);
    if (exact.indexOf(q) >= 0) { return 0; }
    return norm(n.name).indexOf(q) === 0 ? 1 : 2;
  }
  function focusNode(id) {
    if (!nodeView.get(id)) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: { duration: 300 } });
    showNode(id);
  }
  function search(text) {
    var q = norm(text);
    var full = q.match(/^(.*) \(([^()]*)\)$/);
    result.textContent = "";
    if (!q) { return null; }
    var hits = data.nodes.filter(function (n) {
      return n.q.indexOf(q) >= 0 || (full && norm(n.name) === full[1]);
    });
    if (!hits.length) { result.textContent = ui.no_match; return null; }
    hits.sort(function (a, b) { return rank(a, q) - rank(b, q) || b.degree - a.degree; });
    focusNode(hits[0].id);
    return hits[0].id;
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("search").value);
  });

  /* ---- filters ---- */
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-key]"));
  selects.forEach(function (sel) {  /* their options are in the page already */
    sel.addEventListener("change", function () {
      active[sel.getAttribute("data-key")] = sel.value;
      nodeView.refresh();
      counted();
    });
  });
  var visible = document.getElementById("visible-count");
  function counted() {
    var shown = nodeView.length;
    visible.textContent = shown === data.nodes.length ? "" : "(" + shown + " " + ui.visible + ")";
    if (nodeList.open) { listNodes(); }
  }
  function resetFilters() {
    active = {};
    selects.forEach(function (sel) { sel.value = ""; });
    nodeView.refresh();
    counted();
  }
  document.getElementById("reset").addEventListener("click", function () {
    resetFilters();
    network.fit();
  });
  var toggle = document.getElementById("show-proposals");
  if (toggle) {
    toggle.addEventListener("change", function () {
      showProposals = toggle.checked;
      edgeView.refresh();
    });
  }

  /* ---- the side panel: a bottom sheet on a phone (the CSS decides), opened by its handle or a pick ---- */
  var side = document.getElementById("side");
  var handle = document.getElementById("sheet-toggle");
  function openSheet(open) {
    side.classList.toggle("collapsed", !open);
    handle.setAttribute("aria-expanded", String(open));
  }
  handle.addEventListener("click", function () { openSheet(side.classList.contains("collapsed")); });

  /* ---- the nodes as a list of buttons: every organization reachable from the keyboard ---- */
  var nodeList = document.getElementById("node-list");
  var nodeItems = document.getElementById("node-items");
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: "base" });
  function listNodes() {
    var ids = nodeView.getIds().slice().sort(function (a, b) { return collator.compare(byId[a].name, byId[b].name); });
    var items = document.createDocumentFragment();
    ids.forEach(function (id) {
      var n = byId[id];
      var button = el("button", n.acronym ? n.name + " (" + n.acronym + ")" : n.name);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(id); });
      var li = document.createElement("li");
      li.appendChild(button);
      items.appendChild(li);
    });
    nodeItems.replaceChildren(items);
  }
  nodeList.addEventListener("toggle", function () { if (nodeList.open) { listNodes(); } });

  /* ---- print: the network as SVG in place of the canvas, from the drawn positions and colours ---- */
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) { if (attrs[k] !== undefined && attrs[k] !== null) { e.setAttribute(k, String(attrs[k])); } }
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  function dashes(d, unit) {
    if (!d) { return undefined; }
    return (Array.isArray(d) ? d : [5, 5]).map(function (x) { return x * unit; }).join(" ");
  }
  function shapeOf(n, p) {
    var r = n.size || 10, x = p.x, y = p.y;
    var c = n.color || {}, border = n.borderWidth || 1;
    var style = { fill: c.background || "#97c2fc", stroke: c.border || "#2b7ce9", "stroke-width": border,
                  "stroke-dasharray": dashes(n.shapeProperties && n.shapeProperties.borderDashes, 1) };
    if (n.shape === "diamond") {
      style.points = [x, y - r, x + r, y, x, y + r, x - r, y].join(" ");
      return svgEl("polygon", style);
    }
    if (n.shape === "square") {
      style.x = x - r; style.y = y - r; style.width = 2 * r; style.height = 2 * r;
      return svgEl("rect", style);
    }
    if (n.shape === "triangle") {
      style.points = [x, y - r, x + r, y + r * 0.7, x - r, y + r * 0.7].join(" ");
      return svgEl("polygon", style);
    }
    style.cx = x; style.cy = y; style.r = r;
    return svgEl("circle", style);
  }
  function printPicture() {
    var ids = nodeView.getIds(), shown = {};
    ids.forEach(function (id) { shown[id] = true; });
    var pos = network.getPositions(ids);
    var xs = [], ys = [];
    ids.forEach(function (id) {
      var r = byId[id].size || 10;
      xs.push(pos[id].x - r, pos[id].x + r); ys.push(pos[id].y - r, pos[id].y + r);
    });
    if (meta.map) { meta.map.outline.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); }); }
    if (!xs.length) { xs = [0, 1]; ys = [0, 1]; }
    var pad = 30, x0 = Math.min.apply(null, xs) - pad, y0 = Math.min.apply(null, ys) - pad;
    var w = Math.max.apply(null, xs) + pad - x0, h = Math.max.apply(null, ys) + pad - y0;
    var unit = Math.max(w / 1000, h / 640, 0.05);  /* graph units per printed pixel (about 1000 x 640 px) */
    var svg = svgEl("svg", { viewBox: [x0, y0, w, h].join(" "), role: "img", "aria-label": document.getElementById("title").textContent });
    if (meta.map) {
      svg.appendChild(svgEl("polygon", { points: meta.map.outline.map(function (p) { return p.join(","); }).join(" "),
                                         fill: "#f3efe4", stroke: "#b9ad8f", "stroke-width": 3 }));
      meta.map.labels.forEach(function (l) {
        svg.appendChild(svgEl("text", { x: l[0], y: l[1] - l[3] - 18, "text-anchor": "middle", "font-size": Math.max(40, 11 * unit),
                                        "font-style": "italic", fill: "#6b6350" }, l[2]));
      });
    }
    var defaults = data.edge_defaults;
    edgeView.get().forEach(function (e) {
      if (!shown[e.from] || !shown[e.to] || e.from === e.to) { return; }
      var a = pos[e.from], b = pos[e.to];
      svg.appendChild(svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y,
                                      stroke: (e.color && e.color.color) || defaults.color.color,
                                      "stroke-width": e.width || defaults.width, "stroke-dasharray": dashes(e.dashes, 1) }));
    });
    ids.forEach(function (id) { svg.appendChild(shapeOf(byId[id], pos[id])); });
    /* Labels: the picked node, cut points, then the largest; one that would overlap a label already placed is left out. */
    var selected = network.getSelectedNodes();
    function weight(id) {
      var n = byId[id];
      return (selected.indexOf(id) >= 0 ? 1e6 : 0) + ((n.marks || []).indexOf("articulation") >= 0 ? 1e3 : 0) + (n.size || 0);
    }
    var placed = [];
    ids.slice().sort(function (a, b) { return weight(b) - weight(a); }).slice(0, 60).forEach(function (id) {
      var n = byId[id], text = n.label || n.name, size = Math.max((n.font && n.font.size) || 14, 9 * unit);
      var x = pos[id].x, y = pos[id].y + (n.size || 10) + size, half = 0.3 * size * text.length;
      var box = [x - half, y - size, x + half, y + 0.3 * size];
      if (placed.some(function (o) { return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]; })) { return; }
      placed.push(box);
      svg.appendChild(svgEl("text", { x: x, y: y, "text-anchor": "middle", "font-size": size, fill: "#222", stroke: "#fff",
                                      "stroke-width": size / 5, "paint-order": "stroke" }, text));
    });
    var figure = document.getElementById("print-picture");
    figure.replaceChildren(svg);
    return svg;
  }
  window.addEventListener("beforeprint", function () {
    printPicture();
    document.getElementById("legend").open = true;
  });

  if (meta.focus) {  /* its panel, then the side panel is shown (filled after the first paint, it pushed the legend down) */
    showNode(meta.focus, true);
    document.getElementById("side-body").classList.remove("pending");
    network.once("afterDrawing", function () { network.selectNodes([meta.focus]); });
  }

  window.essgraph = {
    network: network,
    data: data,
    search: search,
    printPicture: printPicture,
    showQuiet: showQuiet,
    visibleNodeIds: function () { return nodeView.getIds(); },
    visibleEdgeIds: function () { return edgeView.getIds(); }
  };
})();
