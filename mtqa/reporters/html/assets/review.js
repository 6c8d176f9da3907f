/* mtqa review page: filters, keyboard navigation, accept/dismiss, "Apply safe fixes" and the
   baseline download. The page is complete without this script; it only adds the interactions.
   Which fixes apply is decided in Python (mtqa/fix/review.py) and embedded; the script applies
   them as review.decide() does; the browser tests compare the two and `mtqa fix`. */
(function () {
  "use strict";
  var dataEl = document.getElementById("mtqa-data");
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var byId = {};          // finding id -> {seg, f}
  data.segments.forEach(function (seg) {
    seg.findings.forEach(function (f) { byId[f.id] = {seg: seg, f: f}; });
  });
  var decisions = {};     // finding id -> "accepted" | "dismissed"
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.finding"));
  var current = null;
  var $ = function (id) { return document.getElementById(id); };

  document.documentElement.classList.add("js");
  ["toolbar"].forEach(function (id) { if ($(id)) $(id).hidden = false; });
  Array.prototype.forEach.call(document.querySelectorAll(".acts"), function (el) { el.hidden = false; });

  function itemOf(fid) { return $("l-" + fid.slice(2)); }

  /* ---------------------------------------------------------------- filters */
  function checked(group) {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll('#toolbar input[name="' + group + '"]'),
      function (box) { out[box.value] = box.checked; });
    return out;
  }
  function isShown(el) { return !el.classList.contains("off"); }
  function applyFilters() {
    var sev = checked("severity"), fam = checked("family"), conf = checked("confidence");
    var shown = 0;
    marks.forEach(function (el) {
      var on = sev[el.dataset.severity] !== false && fam[el.dataset.family] !== false &&
               conf[el.dataset.confidence] !== false;
      el.classList.toggle("off", !on);
      Array.prototype.forEach.call(document.querySelectorAll('mark.cont[data-of="' + el.id + '"]'),
        function (c) { c.classList.toggle("off", !on); });
      var item = itemOf(el.id);
      if (item) item.hidden = !on;
      Array.prototype.forEach.call(document.querySelectorAll('li.ff[data-for="' + el.id + '"]'),
        function (li) { li.hidden = !on; });
      var fn = document.querySelector('a.fn[href="#l-' + el.id.slice(2) + '"]');
      if (fn) fn.classList.toggle("off", !on);
      if (on) shown += 1;
    });
    $("shown").textContent = shown + " of " + marks.length + " findings shown";
    if (current && !isShown(current)) setCurrent(null);
  }
  $("toolbar").addEventListener("change", applyFilters);
  $("toolbar").addEventListener("submit", function (e) { e.preventDefault(); });

  /* ---------------------------------------------------------------- current finding */
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c];
    });
  }
  function showDetail(el) {
    var box = $("detail");
    if (!el) { box.hidden = true; return; }
    var f = byId[el.id].f;
    var sug = f.suggestion === null ? "" : (f.suggestion === "" ? " → delete it" :
      " → <code>" + esc(f.suggestion) + "</code>");
    var state = decisions[el.id] ? " <b>(" + decisions[el.id] + ")</b>" : "";
    box.innerHTML = '<button type="button" class="close" aria-label="close">×</button>' +
      '<a href="#l-' + el.id.slice(2) + '">' + f.n + "</a> <b>" + esc(f.rule) + "</b> " + esc(f.severity) +
      ", " + esc(f.confidence) + " confidence: " + esc(f.message) + ": <q>" + esc(f.text) + "</q>" + sug +
      state + ' <button type="button" data-act="accept">accept</button>' +
      '<button type="button" data-act="dismiss">dismiss</button>';
    box.dataset.for = el.id;
    box.hidden = false;
  }
  function setCurrent(el) {
    var old = document.querySelectorAll(".current");
    Array.prototype.forEach.call(old, function (x) { x.classList.remove("current"); });
    current = el;
    if (el) {
      el.classList.add("current");
      var row = el.closest(".row");
      if (row) row.classList.add("current");  // shows the matched source/reference sentence
      var item = itemOf(el.id);
      if (item) item.classList.add("current");
    }
    showDetail(el);
  }
  function go(step) {
    var shown = marks.filter(isShown);
    if (!shown.length) return;
    var at = current ? shown.indexOf(current) : -1;
    var next = at < 0 ? (step > 0 ? 0 : shown.length - 1) : (at + step + shown.length) % shown.length;
    var el = shown[next];
    el.focus({preventScroll: true});
    el.scrollIntoView({block: "center"});
    setCurrent(el);
  }
  $("next").addEventListener("click", function () { go(1); });
  $("prev").addEventListener("click", function () { go(-1); });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark.finding")) setCurrent(e.target);
  });
  document.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest("mark.finding");
    if (el) setCurrent(el);
  });
  function followHash() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.matches("mark.finding")) { el.focus({preventScroll: true}); setCurrent(el); }
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  /* ---------------------------------------------------------------- accept / dismiss */
  function decide(fid, what) {
    decisions[fid] = decisions[fid] === what ? undefined : what;  // a second click undoes
    if (!decisions[fid]) delete decisions[fid];
    var el = $(fid), item = itemOf(fid);
    [el, item].forEach(function (x) {
      if (!x) return;
      x.classList.toggle("accepted", decisions[fid] === "accepted");
      x.classList.toggle("dismissed", decisions[fid] === "dismissed");
    });
    if (current && current.id === fid) showDetail(current);
    if (!$("fixed").hidden) showFixed();
  }
  document.addEventListener("click", function (e) {
    var btn = e.target.closest && e.target.closest("button[data-act]");
    if (!btn) return;
    var holder = btn.closest("li.item");
    var fid = holder ? holder.dataset.for : $("detail").dataset.for;
    if (fid) decide(fid, btn.dataset.act === "accept" ? "accepted" : "dismissed");
  });
  $("detail").addEventListener("click", function (e) {
    if (e.target.classList.contains("close")) setCurrent(null);
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA"))) return;
    if (e.key === "j" || e.key === "n") { go(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { go(-1); e.preventDefault(); }
    else if (e.key === "a" && current) decide(current.id, "accepted");
    else if (e.key === "d" && current) decide(current.id, "dismissed");
    else if (e.key === "Escape") setCurrent(null);
  });

  /* ---------------------------------------------------------------- fixes (mirrors mtqa/fix/review.py)
     Python decided every edit (mtqa fix's own output per segment, each finding's first-pass edit
     and the edit accepting its suggestion); this only applies them, exactly as review.decide() does. */
  function isAdd(f) { return decisions[f.id] === "accepted" && !f.edit && f.accept; }
  function unchanged(seg) {  /* the decisions keep mtqa fix's first pass: its output stands */
    return seg.findings.every(function (f) {
      return !isAdd(f) && !(f.edit && decisions[f.id] === "dismissed");
    });
  }
  function chosen(seg) {     /* review.chosen(): first pass - dismissed + accepted, no overlaps */
    var keep = [];
    seg.findings.forEach(function (f, i) {
      if (decisions[f.id] === "dismissed") return;
      if (f.edit) keep.push([f.edit, i]);
      else if (isAdd(f)) keep.push([f.accept, i]);
    });
    keep.sort(function (a, b) {
      return a[0][0] - b[0][0] || (b[0][1] - b[0][0]) - (a[0][1] - a[0][0]) || a[1] - b[1];
    });
    var taken = [];
    keep.forEach(function (k) {
      var e = k[0], last = taken[taken.length - 1];
      /* engine.overlaps(): touching is fine, an insertion at the very end of the last waits */
      if (last && (e[0] < last[1] || (e[0] === last[1] && last[1] === e[1]))) return;
      taken.push(e);
    });
    return taken;
  }
  function applyEdits(text, edits) {  /* engine.apply_edits() */
    var out = [], pos = 0;
    edits.forEach(function (e) { out.push(cpSlice(text, pos, e[0]), e[2]); pos = e[1]; });
    out.push(cpSlice(text, pos));
    return out.join("");
  }
  /* offsets are Python code points; JavaScript strings count UTF-16 units, so slice by code point */
  var cpCache = new Map();
  function cps(text) {
    var a = cpCache.get(text);
    if (!a) { a = Array.from(text); cpCache.set(text, a); }
    return a;
  }
  function cpSlice(text, a, b) { return cps(text).slice(a, b).join(""); }

  function fixSegment(seg) {  /* review.decide() */
    if (unchanged(seg)) return {text: seg.fixed, count: seg.applied, partial: false};
    var taken = chosen(seg);
    /* mtqa fix needed more than one pass here: the later passes' fixes wait for it */
    return {text: applyEdits(seg.hyp, taken), count: taken.length, partial: seg.rounds > 1};
  }
  function corrected() {
    var segs = data.segments;
    var done = segs.map(fixSegment);
    var count = done.reduce(function (n, d) { return n + d.count; }, 0);
    var partial = done.filter(function (d) { return d.partial; }).length;
    var out = {count: count, partial: partial};
    if (data.mode === "document" && segs.length === 1) {
      out.text = done[0].text; out.name = "mtqa-fixed.txt"; out.type = "text/plain";
    } else {
      out.text = segs.map(function (seg, i) { return JSON.stringify({id: seg.id, hyp: done[i].text}); })
        .join("\n") + "\n";
      out.name = "mtqa-fixed.jsonl"; out.type = "application/x-ndjson";
    }
    return out;
  }
  function showFixed() {
    var c = corrected();
    $("fixed").hidden = false;
    $("fixed-text").value = c.text;
    $("fixed-note").textContent = c.count + " fix" + (c.count === 1 ? "" : "es") + " applied" +
      (c.partial ? "; run mtqa fix for the fixes that other fixes reveal (" + c.partial + " segment" +
                   (c.partial === 1 ? "" : "s") + ")" : "");
    return c;
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type + ";charset=utf-8"}));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }
  $("apply-fixes").addEventListener("click", function () {
    showFixed();
    $("fixed").scrollIntoView({block: "start"});
  });
  $("download-fixed").addEventListener("click", function () {
    var c = showFixed();
    download(c.name, c.type, c.text);
  });
  $("copy-fixed").addEventListener("click", function () {
    var area = $("fixed-text");
    var done = function () { $("fixed-note").textContent = "copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { area.select(); });
    } else {
      area.select();
      try { if (document.execCommand("copy")) done(); } catch (err) { /* selected: the editor copies */ }
    }
  });

  /* ---------------------------------------------------------------- baseline (mtqa/config/baseline.py) */
  function baseline() {
    var counts = {};
    Object.keys(decisions).forEach(function (fid) {
      if (decisions[fid] !== "dismissed") return;
      var seg = byId[fid].seg, f = byId[fid].f;
      var k = JSON.stringify([seg.id, f.rule, f.field, f.text]);
      counts[k] = (counts[k] || 0) + 1;
    });
    var rows = Object.keys(counts).map(function (k) {
      var v = JSON.parse(k);
      return {segment: v[0], rule: v[1], field: v[2], text: v[3], count: counts[k]};
    });
    var key = function (r) { return [r.segment, r.rule, r.field, r.text]; };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      for (var i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
    return JSON.stringify({schema: "mtqa-baseline/1", tool: {name: "mtqa", version: data.version},
                           findings: rows}, null, 1) + "\n";
  }
  $("download-baseline").addEventListener("click", function () {
    download("mtqa-baseline.json", "application/json", baseline());
  });
  /* print the rule explanations too: a closed <details> prints closed */
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.rule"), function (d) { d.open = true; });
  });
  window.mtqaReview = {corrected: function () { return corrected().text; }, baseline: baseline};

  applyFilters();
})();
