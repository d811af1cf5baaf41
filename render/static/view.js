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
  var nodes = new vis.DataSet(data.nodes);
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
      scaling: { label: { drawThreshold: large ? 8 : 3 } }
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

  function ready() {
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
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
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
    field(dl, ui.field_role, n.role);
    field(dl, ui.field_phone, n.phone);
    field(dl, ui.field_email, n.email);
    field(dl, ui.field_measure, String(n.degree));
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
    if (ties[id].length) {
      panel.appendChild(el("h3", ui.ties + " (" + ties[id].length + ")"));
      var ul = el("ul", null, "ties");
      ties[id].forEach(function (e) { ul.appendChild(tieItem(e, id)); });
      panel.appendChild(ul);
    }
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
  selects.forEach(function (sel) {
    var values = data.filters[sel.getAttribute("data-key")] || [];
    values.forEach(function (v) { sel.appendChild(new Option(v[1], v[0])); });
    if (!values.length) { sel.parentNode.hidden = true; }
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

  if (meta.focus) {
    network.once("afterDrawing", function () { network.selectNodes([meta.focus]); showNode(meta.focus); });
  }

  window.essgraph = {
    network: network,
    data: data,
    search: search,
    visibleNodeIds: function () { return nodeView.getIds(); },
    visibleEdgeIds: function () { return edgeView.getIds(); }
  };
})();
