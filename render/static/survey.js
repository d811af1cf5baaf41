/* essgraph survey form: builds the questionnaire from the embedded data, keeps a draft in the
   browser, and saves the answers as one JSON file. It never contacts the network and never puts
   data into HTML (textContent only). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("essgraph-data").textContent);
  var T = data.texts;
  var me = data.respondent;
  var draftKey = "essgraph-survey:" + data.round + ":" + (me ? me.id : "new");
  var newCount = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function field(label, control) { return el("label", {}, [document.createTextNode(label + " "), control]); }
  function select(id, choices, empty) {
    var s = el("select", {id: id});
    if (empty !== undefined) s.appendChild(el("option", {value: "", text: empty}));
    choices.forEach(function (c) { s.appendChild(el("option", {value: c.code, text: c.label})); });
    return s;
  }
  function input(id, type, extra) { return el("input", Object.assign({id: id, type: type || "text"}, extra || {})); }
  function byId(id) { return document.getElementById(id); }
  function value(id) { var n = byId(id); return n ? n.value.trim() : ""; }
  function year(id) { var v = parseInt(value(id), 10); return isNaN(v) ? null : v; }

  // -- your organization -------------------------------------------------------------------
  var about = byId("about-body");
  if (me) {
    var facts = [[T.f_name, me.name], [T.f_acronym, me.acronym], [T.f_region, me.region],
                 [T.f_kind, labelOf(data.kinds, me.kind)], [T.f_networks, me.networks.join(", ")]];
    var dl = el("dl");
    facts.forEach(function (f) { if (f[1]) { dl.appendChild(el("dt", {text: f[0]})); dl.appendChild(el("dd", {text: f[1]})); } });
    about.appendChild(dl);
    about.appendChild(field(T.f_corrections, el("textarea", {id: "about-corrections"})));
  } else {
    about.appendChild(field(T.f_name + " *", input("new-name", "text", {required: "required"})));
    about.appendChild(field(T.f_acronym, input("new-acronym")));
    about.appendChild(field(T.f_region, select("new-region", data.regions, "—")));
    about.appendChild(field(T.f_kind, select("new-kind", data.kinds, "—")));
  }
  function labelOf(choices, code) {
    for (var i = 0; i < choices.length; i++) if (choices[i].code === code) return choices[i].label;
    return code || "";
  }

  // -- ties on record --------------------------------------------------------------------------
  var recorded = byId("recorded-body");
  if (!data.recorded.length) recorded.appendChild(el("p", {"class": "hint", text: T.recorded_none}));
  data.recorded.forEach(function (tie, i) {
    var box = el("fieldset", {"data-tie": tie.key}, [
      el("legend", {text: tie.start_name + " — " + tie.type_label + " — " + tie.end_name}),
      el("blockquote", {text: tie.quote}),
      el("p", {"class": "hint", text: tie.section + (tie.year ? " · " + tie.year : "")})]);
    data.verdicts.forEach(function (v) {
      var radio = input("tie-" + i + "-" + v.code, "radio", {name: "tie-" + i, value: v.code});
      box.appendChild(el("label", {}, [radio, document.createTextNode(" " + v.label)]));
    });
    var fix = el("div", {"class": "detail", id: "tie-" + i + "-fix", hidden: "hidden"}, [
      field(T.f_kind_of_tie, select("tie-" + i + "-answer", data.answers, "—")),
      field(T.f_year, input("tie-" + i + "-year", "number", {min: "1900", max: "2100", inputmode: "numeric"}))]);
    box.appendChild(fix);
    box.addEventListener("change", function () {
      var chosen = box.querySelector("input[type=radio]:checked");
      fix.hidden = !(chosen && chosen.value === "correct");
    });
    recorded.appendChild(box);
  });

  // -- partners --------------------------------------------------------------------------------
  var partners = byId("partners-body");
  var search = input("org-search", "search", {placeholder: T.search, "aria-label": T.search});
  var networks = [];
  data.orgs.forEach(function (o) { o.networks.forEach(function (n) { if (networks.indexOf(n) < 0) networks.push(n); }); });
  networks.sort();
  var fRegion = select("filter-region", data.regions, T.all);
  var fKind = select("filter-kind", data.kinds, T.all);
  var fNetwork = select("filter-network", networks.map(function (n) { return {code: n, label: n}; }), T.all);
  partners.appendChild(el("p", {"class": "hint", text: T.partners_hint}));
  partners.appendChild(field(T.search, search));
  partners.appendChild(el("div", {"class": "filters"}, [field(T.f_region, fRegion), field(T.f_kind, fKind),
                                                      field(T.f_networks, fNetwork)]));
  var list = el("div", {id: "org-list", role: "list"});
  partners.appendChild(list);
  data.orgs.forEach(function (o) {
    if (me && o.id === me.id) return;
    var id = "org-" + o.id;
    var box = input(id, "checkbox", {value: o.id});
    var meta = [o.acronym, o.region, labelOf(data.kinds, o.kind)].filter(Boolean).join(" · ");
    var detail = el("div", {"class": "detail", hidden: "hidden"}, [
      field(T.f_kind_of_tie, select(id + "-answer", data.answers)),
      field(T.f_since, input(id + "-since", "number", {min: "1900", max: "2100", inputmode: "numeric"})),
      field(T.f_how, el("textarea", {id: id + "-how"}))]);
    var row = el("div", {"class": "org", role: "listitem", "data-org": o.id,
                         "data-search": fold([o.name, o.acronym, o.region].join(" ")),
                         "data-region": o.region_id, "data-kind": o.kind, "data-networks": o.networks.join("|")}, [
      el("label", {}, [box, document.createTextNode(" " + o.name)]), el("div", {"class": "meta", text: meta}), detail]);
    box.addEventListener("change", function () { detail.hidden = !box.checked; });
    list.appendChild(row);
  });
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function filter() {
    var q = fold(search.value.trim()), r = fRegion.value, k = fKind.value, n = fNetwork.value;
    Array.prototype.forEach.call(list.children, function (row) {
      var show = (!q || row.getAttribute("data-search").indexOf(q) >= 0) && (!r || row.getAttribute("data-region") === r) &&
        (!k || row.getAttribute("data-kind") === k) && (!n || row.getAttribute("data-networks").split("|").indexOf(n) >= 0);
      row.hidden = !show && !row.querySelector("input[type=checkbox]").checked;
    });
  }
  [search, fRegion, fKind, fNetwork].forEach(function (c) { c.addEventListener("input", filter); c.addEventListener("change", filter); });

  // -- organizations not on the map ------------------------------------------------------------------
  var newOrgs = byId("new-orgs-body");
  var rows = el("div", {id: "new-org-rows"});
  var add = el("button", {type: "button", id: "add-org", text: T.add_org});
  newOrgs.appendChild(el("p", {"class": "hint", text: T.new_orgs_hint}));
  newOrgs.appendChild(rows);
  newOrgs.appendChild(add);
  function addOrg() {
    var i = newCount++;
    rows.appendChild(el("fieldset", {"class": "new-org", "data-new": String(i)}, [
      el("legend", {text: T.new_org + " " + (i + 1)}),
      field(T.f_name, input("neworg-" + i + "-name")), field(T.f_region, select("neworg-" + i + "-region", data.regions, "—")),
      field(T.f_kind, select("neworg-" + i + "-kind", data.kinds, "—")), field(T.f_reach, input("neworg-" + i + "-contact"))]));
  }
  add.addEventListener("click", function () { addOrg(); saveDraft(); });

  // -- who answers -------------------------------------------------------------------------------
  var who = byId("who-body");
  who.appendChild(field(T.f_role + " *", input("who-role", "text", {required: "required"})));
  var personal = el("fieldset", {"class": "personal"}, [el("legend", {text: T.personal}),
    el("p", {"class": "hint", text: T.personal_hint}), field(T.f_person, input("who-name")), field(T.f_contact, input("who-contact")),
    el("label", {}, [input("who-consent", "checkbox"), document.createTextNode(" " + T.consent)])]);
  who.appendChild(personal);

  // -- draft and save ----------------------------------------------------------------------------
  function state() {
    var out = {newCount: newCount, values: {}};
    Array.prototype.forEach.call(document.querySelectorAll("#survey-form input, #survey-form select, #survey-form textarea"), function (n) {
      if (!n.id) return;
      out.values[n.id] = (n.type === "checkbox" || n.type === "radio") ? n.checked : n.value;
    });
    return out;
  }
  function saveDraft() { try { localStorage.setItem(draftKey, JSON.stringify(state())); } catch (e) { /* private mode */ } }
  function restore() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") return;
    while (newCount < (saved.newCount || 0)) addOrg();
    Object.keys(saved.values || {}).forEach(function (id) {
      var n = byId(id);
      if (!n) return;
      if (n.type === "checkbox" || n.type === "radio") n.checked = !!saved.values[id];
      else n.value = saved.values[id];
      n.dispatchEvent(new Event("change", {bubbles: true}));
    });
    filter();
    byId("status").textContent = T.draft_restored;
  }
  document.getElementById("survey-form").addEventListener("input", saveDraft);
  document.getElementById("survey-form").addEventListener("change", saveDraft);

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function collect() {
    var response = {format: data.format, version: data.version, round: data.round, date: today(), lang: data.lang,
                    respondent: me ? {org: me.id} : {org: null, "new": {name: value("new-name"), acronym: value("new-acronym"),
                                                                     region: value("new-region"), kind: value("new-kind")}},
                    corrections: value("about-corrections"),
                    answerer: {role: value("who-role"), name: value("who-name"), contact: value("who-contact"),
                               consent: byId("who-consent").checked},
                    recorded: [], ties: [], new_orgs: []};
    data.recorded.forEach(function (tie, i) {
      var chosen = document.querySelector("input[name='tie-" + i + "']:checked");
      if (!chosen) return;
      var answer = {key: tie.key, type: tie.type, start: tie.start, end: tie.end, verdict: chosen.value};
      if (chosen.value === "correct") { answer.answer = value("tie-" + i + "-answer") || null; answer.year = year("tie-" + i + "-year"); }
      response.recorded.push(answer);
    });
    Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      var id = "org-" + box.value;
      response.ties.push({org: box.value, answer: value(id + "-answer"), since: year(id + "-since"), how: value(id + "-how")});
    });
    for (var i = 0; i < newCount; i++) {
      if (!value("neworg-" + i + "-name")) continue;
      response.new_orgs.push({name: value("neworg-" + i + "-name"), region: value("neworg-" + i + "-region"),
                              kind: value("neworg-" + i + "-kind"), contact: value("neworg-" + i + "-contact")});
    }
    return response;
  }
  function problems(r) {
    var out = [];
    if (!r.answerer.role) out.push(T.need_role);
    if ((r.answerer.name || r.answerer.contact) && !r.answerer.consent) out.push(T.need_consent);
    if (!me && !r.respondent["new"].name) out.push(T.need_name);
    return out;
  }
  var save = byId("save");
  save.textContent = T.save;
  save.addEventListener("click", function () {
    var r = collect(), wrong = problems(r), status = byId("status");
    if (wrong.length) { status.textContent = wrong.join(" "); return; }
    if (!r.answerer.consent) { r.answerer.name = ""; r.answerer.contact = ""; }
    var name = "respuesta-" + (me ? me.id : "nueva-organizacion") + "-" + r.date + ".json";
    var blob = new Blob([JSON.stringify(r, null, 1)], {type: "application/json"});
    var link = el("a", {href: URL.createObjectURL(blob), download: name});
    document.body.appendChild(link);
    link.click();
    link.remove();
    status.textContent = T.saved.replace("{file}", name);
  });
  restore();
  document.body.setAttribute("data-ready", "1");
})();
