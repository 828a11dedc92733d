(function () {
  "use strict";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
    "Dec"];
  var QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict"};
  var LANE = 20, AXIS = 26, MAX_LANES = 16, POINT = 14, MIN_BAR = 8;
  // events longer than a week (a month, a year) are periods: drawn thin in a band of their own
  // under the days, so that they never cover a day; longer than a month, they do not decide
  // the range the axis opens on
  var PERIOD_DAYS = 7, RANGE_DAYS = 31, PERIOD_LANE = 12, MAX_PERIOD_LANES = 8;
  var NOBODY = "(unknown)";  // a missing source actor, as every output writes it
  var MAX_MARKS = 800, DENSITY_LANES = 8, BIN = 4;  // more events in view: a density chart

  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var events = json("timeline-data");
  var roots = json("timeline-roots");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function dayNumber(iso) {
    if (!iso) { return null; }
    var p = String(iso).slice(0, 10).split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }
  function dayText(n, withYear) {
    var d = new Date(n * DAY);
    var text = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
    return withYear === false ? text : text + " " + d.getUTCFullYear();
  }
  function names(e, role) {
    return e.actors.filter(function (a) { return a.role === role; })
      .map(function (a) { return a.name; });
  }
  function published(iso) {
    if (!iso) { return ""; }
    var moment = new Date(iso);
    if (isNaN(moment.getTime())) { return String(iso); }
    var time = moment.toISOString().slice(11, 16);
    var day = dayText(Math.floor(moment.getTime() / DAY));
    return day + (time !== "00:00" ? " " + time + " UTC" : "");
  }
  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) { return null; }
  }

  // --- the events, prepared once --------------------------------------------------------------
  events.forEach(function (e, i) {
    e.start = dayNumber(e.date_start);
    e.end = dayNumber(e.date_end || e.date_start);
    if (e.end !== null) { e.end += 1; }  // exclusive
    e.order = i;
    e.actorNames = e.actors.map(function (a) { return a.name; })
      .filter(function (n, j, all) { return all.indexOf(n) === j; });
    e.root = (e.event_code || "").slice(0, 2);
    e.search = [e.sentence, e.event_label, e.trigger, e.event_code, e.actorNames.join(" "),
      e.locations.map(function (p) { return p.name; }).join(" "),
      e.article.title, e.article.source].join(" ").toLowerCase();
  });
  events.sort(function (a, b) {
    if (a.start === null || b.start === null) {
      return (a.start === null) - (b.start === null) || a.order - b.order;
    }
    return a.start - b.start || a.end - b.end || a.id - b.id;
  });
  var dated = events.filter(function (e) { return e.start !== null; });
  // the reports of one happening: its first in date order (the lead) draws its one mark
  var happenings = {};
  events.forEach(function (e) {
    var key = e.happening_id === null || e.happening_id === undefined ? "e" + e.id :
      "h" + e.happening_id;
    (happenings[key] = happenings[key] || []).push(e);
    e.reports = happenings[key];
    e.lead = e.reports[0];
  });
  function reportsText(e) {
    var titles = {};
    e.reports.forEach(function (r) { titles[r.article.id] = true; });
    var n = e.reports.length, a = Object.keys(titles).length;
    return n + (n === 1 ? " report" : " reports") + " in " + a +
      (a === 1 ? " article" : " articles");
  }

  // --- summary and filter choices -----
  var first = dated.length ? dated[0].start : null;
  var last = dated.length ? Math.max.apply(null, dated.map(function (e) { return e.end; })) : null;
  var articles = {};
  events.forEach(function (e) { articles[e.article.id] = true; });
  document.getElementById("summary").textContent = events.length + " events" +
    (first !== null ? " \u00b7 " + dayText(first) + " \u2013 " + dayText(last - 1) : "") +
    " \u00b7 " + Object.keys(happenings).length + " happenings \u00b7 " +
    Object.keys(articles).length + " articles";

  function fillSelect(id, counts, label) {
    var select = document.getElementById(id);
    Object.keys(counts).sort(function (a, b) { return label.sort(a, b, counts); })
      .forEach(function (key) {
        var option = el("option", null, label.text(key) + " (" + counts[key] + ")");
        option.value = key;
        select.appendChild(option);
      });
    return select;
  }
  var actorCounts = {}, rootCounts = {}, statusCounts = {};
  events.forEach(function (e) {
    e.actorNames.forEach(function (n) { actorCounts[n] = (actorCounts[n] || 0) + 1; });
    if (e.root) { rootCounts[e.root] = (rootCounts[e.root] || 0) + 1; }
    statusCounts[e.status] = (statusCounts[e.status] || 0) + 1;
  });
  var byCount = function (a, b, counts) { return counts[b] - counts[a] || a.localeCompare(b); };
  var actorSelect = fillSelect("filter-actor", actorCounts,
    {sort: byCount, text: function (k) { return k; }});
  var typeSelect = fillSelect("filter-type", rootCounts, {
    sort: function (a, b) { return a.localeCompare(b); },
    text: function (k) { return k + " " + (roots[k] || ""); }});
  var statusSelect = fillSelect("filter-status", statusCounts,
    {sort: byCount, text: function (k) { return k; }});
  var textInput = document.getElementById("filter-text");
  var quadBoxes = {};
  var quadSet = document.getElementById("filter-quad");
  [1, 2, 3, 4].forEach(function (q) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = String(q); box.id = "quad-" + q;
    quadBoxes[q] = box;
    label.appendChild(box);
    label.appendChild(el("span", "swatch q" + q));
    label.appendChild(document.createTextNode(QUADS[q]));
    quadSet.appendChild(label);
  });

  // --- list rows -----
  var list = document.getElementById("events");
  var rows = {}, marks = {}, byId = {};
  events.forEach(function (e) { byId[e.id] = e; });
  function tag(node, e) {
    node.setAttribute("data-event-id", String(e.id));
    node.setAttribute("data-date-start", e.date_start || "");
    node.setAttribute("data-actors", JSON.stringify(e.actorNames));
    return node;
  }
  function dateCell(e) {
    var cell = el("span", "ev-date");
    if (e.start === null) { cell.textContent = "undated"; return cell; }
    if (e.end - e.start <= 1) {
      cell.textContent = dayText(e.start);
    } else {
      cell.textContent = e.date_value || dayText(e.start);
      cell.appendChild(el("span", "approx", " " + e.granularity));
    }
    if (e.date_source === "publication") {
      cell.appendChild(el("span", "approx", " *"));
      cell.title = "dated by the article's publication";
    }
    return cell;
  }
  function who(e) {
    var sources = names(e, "source"), targets = names(e, "target");
    var text = sources.join(", ") || NOBODY;
    if (targets.length) { text += " \u2192 " + targets.join(", "); }
    var others = names(e, "other");
    if (others.length) { text += (text ? " \u00b7 " : "") + others.join(", "); }
    return text;
  }
  function sentenceNode(e) {
    var block = el("blockquote", "sentence");
    var text = e.sentence || "";
    var start = -1, end = -1;
    if (e.trigger_span && e.sentence_span) {
      start = e.trigger_span[0] - e.sentence_span[0];
      end = e.trigger_span[1] - e.sentence_span[0];
      if (text.slice(start, end) !== e.trigger) { start = -1; }
    }
    if (start < 0 && e.trigger) {
      var pattern = e.trigger.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      var found = new RegExp("(^|[^\\w])(" + pattern + ")(?![\\w])", "i").exec(text);
      if (found) { start = found.index + found[1].length; end = start + e.trigger.length; }
    }
    if (start < 0) { block.textContent = text; return block; }
    block.appendChild(document.createTextNode(text.slice(0, start)));
    block.appendChild(el("mark", "trigger", text.slice(start, end)));
    block.appendChild(document.createTextNode(text.slice(end)));
    return block;
  }
  function fact(list, term, value) {
    list.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    list.appendChild(dd);
  }
  function detail(e) {
    var box = el("div", "ev-detail");
    box.appendChild(sentenceNode(e));
    var facts = el("dl", "facts");
    var interval = !e.date_start ? "" : e.date_end && e.date_end !== e.date_start ?
      e.date_start + " \u2013 " + e.date_end : e.date_start;
    var when = (e.date_value || "undated") +
      (interval && interval !== e.date_value ? " (" + interval + ")" : "");
    fact(facts, "When", when + ", " + e.granularity + ", from the " + e.date_source);
    fact(facts, "What", e.event_code + " " + e.event_label + " \u00b7 quad class " +
      e.quad_class + " (" + QUADS[e.quad_class] + ")" +
      (e.goldstein !== null && e.goldstein !== undefined ? " \u00b7 Goldstein " + e.goldstein :
        "") + " \u00b7 " + e.status);
    if (e.actors.length) {
      var people = el("span");
      e.actors.forEach(function (a, i) {
        if (i) { people.appendChild(document.createTextNode("; ")); }
        people.appendChild(document.createTextNode(a.name + " "));
        var codes = [a.role, a.kind, a.country_code];
        if (a.code && a.code !== a.country_code) { codes.push(a.code); }
        var extra = codes.filter(Boolean).join(", ");
        people.appendChild(el("span", "role", "(" + extra + ")"));
      });
      fact(facts, "Who", people);
    }
    if (e.locations.length) {
      fact(facts, "Where", e.locations.map(function (p) {
        var from = p.place_source && p.place_source !== "phrase" ?
          ", from the " + p.place_source : "";
        return p.name + (p.country_code ? " (" + p.country_code + from + ")" : "");
      }).join("; "));
    }
    var article = el("span");
    var url = safeUrl(e.article.url);
    var heading = e.article.title || e.article.url || "untitled article";
    if (url) {
      var link = el("a", null, heading);
      link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
      article.appendChild(link);
    } else {
      article.appendChild(document.createTextNode(heading));
    }
    var meta = [e.article.source, published(e.article.published_at)].filter(Boolean).join(", ");
    if (meta) { article.appendChild(document.createTextNode(" \u2014 " + meta)); }
    if (e.article.url) { article.appendChild(el("div", "url", e.article.url)); }
    fact(facts, "Article", article);
    if (e.reports.length > 1) {
      var reports = el("ul", "reports");
      e.reports.forEach(function (r) {
        var item = el("li", r === e ? "this" : null);
        var meta = [r.article.source, published(r.article.published_at)].filter(Boolean);
        item.textContent = (r.article.title || "untitled article") +
          (meta.length ? " \u2014 " + meta.join(", ") : "") + ": " + r.trigger;
        item.setAttribute("data-event-id", String(r.id));
        reports.appendChild(item);
      });
      var heading = el("span", null, "happening " + e.happening_id + ", " + reportsText(e));
      var both = el("div");
      both.appendChild(heading);
      both.appendChild(reports);
      fact(facts, "Reports", both);
    }
    box.appendChild(facts);
    return box;
  }
  function rowFor(e) {  // list rows are made when first shown
    if (rows[e.id]) { return rows[e.id]; }
    var row = tag(el("li", "ev"), e);
    var head = el("div", "ev-head");
    head.appendChild(dateCell(e));
    head.appendChild(el("span", "ev-code q" + e.quad_class, e.event_code));
    var label = el("span", "ev-label", e.event_label + " ");
    label.appendChild(el("span", "trigger", "\u201c" + e.trigger + "\u201d"));
    head.appendChild(label);
    head.appendChild(el("span", "ev-who", who(e)));
    head.appendChild(el("span", "ev-where",
      e.locations.map(function (p) { return p.name; }).join(", ")));
    head.appendChild(el("span", "ev-status" + (e.status !== "asserted" ? " flag" : ""),
      e.status));
    head.tabIndex = 0;
    head.setAttribute("role", "button");
    head.addEventListener("click", function () { select(e, !row.classList.contains("open")); });
    head.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      event.preventDefault();
      select(e, !row.classList.contains("open"));
    });
    row.appendChild(head);
    rows[e.id] = row;
    return row;
  }
  // The list shows the events that pass the filters, PAGE rows at a time.
  var PAGE = 500, listed = PAGE;
  var more = document.getElementById("more");
  function renderList() {
    var shown = events.filter(function (e) { return e.visible; });
    var fragment = document.createDocumentFragment();
    shown.slice(0, listed).forEach(function (e) { fragment.appendChild(rowFor(e)); });
    list.textContent = "";
    list.appendChild(fragment);
    var left = shown.length - Math.min(listed, shown.length);
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left + " not listed yet)";
  }
  more.addEventListener("click", function () { listed += PAGE; renderList(); });

  var selected = null;
  function markOf(id) {  // the mark of an event's happening
    var e = byId[id];
    return e ? marks[e.lead.id] : undefined;
  }
  function select(e, open) {
    if (selected !== null) {
      var old = rows[selected];
      old.classList.remove("selected", "open");
      var oldDetail = old.querySelector(".ev-detail");
      if (oldDetail) { oldDetail.remove(); }
      var oldMark = markOf(selected);
      if (oldMark) { oldMark.classList.remove("selected"); }
    }
    selected = null;
    if (!open) { return; }
    selected = e.id;
    if (!list.contains(rowFor(e))) {  // further down than the rows listed so far
      var index = events.filter(function (item) { return item.visible; }).indexOf(e);
      listed = Math.max(listed, Math.ceil((index + 1) / PAGE) * PAGE);
      renderList();
    }
    var row = rows[e.id];
    row.classList.add("selected", "open");
    row.appendChild(detail(e));
    if (markOf(e.id)) { markOf(e.id).classList.add("selected"); }
    row.scrollIntoView({block: "nearest"});
  }

  // --- the timeline -----
  var timeline = document.getElementById("timeline");
  var axis = document.getElementById("axis");
  var lanes = document.getElementById("lanes");
  dated.forEach(function (e) {
    if (e.lead !== e) { return; }  // one mark per happening
    var shape = e.end - e.start <= 1 ? " point" : e.end - e.start > PERIOD_DAYS ?
      " bar period" : " bar";
    var byPublication = e.date_source === "publication" ? " by-publication" : "";
    var mark = tag(el("div", "mark off q" + e.quad_class + shape + byPublication), e);
    mark.title = (e.end - e.start <= 1 ? dayText(e.start) : e.date_value) +
      (byPublication ? " (dated by the article's publication)" : "") + "  " +
      e.event_label + " (" + e.trigger + ")" + (who(e) ? "\n" + who(e) : "") +
      (e.reports.length > 1 ? "\n" + reportsText(e) : "");
    mark.setAttribute("data-happening-id", String(e.happening_id));
    mark.setAttribute("data-reports", String(e.reports.length));
    if (e.reports.length > 1) { mark.classList.add("reported"); }
    lanes.appendChild(mark);
    marks[e.id] = mark;
  });

  var view = {start: 0, end: 1};
  // The range where the events are: the events of a month or less decide it when there are any;
  // of their middle days, those further than three interquartile ranges (and a month) from the
  // middle half are outliers, left a zoom away (one wrong old date would squeeze the rest), as
  // long as they are few (one, or 5 % of the events): more of them are no strays.
  function robustRange(items) {
    var short = items.filter(function (e) { return e.end - e.start <= RANGE_DAYS; });
    var use = short.length ? short : items;
    var mids = use.map(function (e) { return (e.start + e.end) / 2; })
      .sort(function (a, b) { return a - b; });
    function quantile(p) { return mids[Math.round(p * (mids.length - 1))]; }
    var q1 = quantile(0.25), q3 = quantile(0.75);
    var fence = Math.max(3 * (q3 - q1), 31);
    var inside = use.filter(function (e) {
      var middle = (e.start + e.end) / 2;
      return middle >= q1 - fence && middle <= q3 + fence;
    });
    if (use.length - inside.length > Math.max(1, Math.floor(use.length * 0.05))) { inside = use; }
    return {
      lo: Math.min.apply(null, inside.map(function (e) { return e.start; })),
      hi: Math.max.apply(null, inside.map(function (e) { return e.end; }))
    };
  }
  function fit(list) {
    var items = list.filter(function (e) { return e.start !== null; });
    if (!items.length) { items = dated; }
    if (!items.length) {
      view = {start: dayNumber("2000-01-01"), end: dayNumber("2001-01-01")};
      return;
    }
    var range = robustRange(items);
    var pad = Math.max((range.hi - range.lo) * 0.04, 1.5);
    view = {start: range.lo - pad, end: range.hi + pad};
  }
  var MIN_SPAN = 3, MAX_SPAN = 365.25 * 1200;  // a stray date centuries off is a zoom away
  function clampView() {
    var span = view.end - view.start;
    var mid = (view.start + view.end) / 2;
    if (span < MIN_SPAN) { view = {start: mid - MIN_SPAN / 2, end: mid + MIN_SPAN / 2}; }
    if (span > MAX_SPAN) { view = {start: mid - MAX_SPAN / 2, end: mid + MAX_SPAN / 2}; }
  }
  function zoom(factor, anchorX) {
    var width = timeline.clientWidth || 1;
    var at = view.start + (view.end - view.start) * (anchorX === undefined ? 0.5 : anchorX / width);
    view = {start: at - (at - view.start) * factor, end: at + (view.end - at) * factor};
    clampView();
    render();
  }

  var STEPS = [
    {days: 1, unit: "day", n: 1}, {days: 7, unit: "week", n: 1}, {days: 30.4, unit: "month", n: 1},
    {days: 91.3, unit: "month", n: 3}, {days: 182.6, unit: "month", n: 6},
    {days: 365.25, unit: "year", n: 1}, {days: 730.5, unit: "year", n: 2},
    {days: 1826, unit: "year", n: 5}, {days: 3652.5, unit: "year", n: 10},
    {days: 9131, unit: "year", n: 25}, {days: 18262, unit: "year", n: 50},
    {days: 36525, unit: "year", n: 100}
  ];
  function ticks(pxPerDay) {
    var step = STEPS[STEPS.length - 1];
    for (var i = 0; i < STEPS.length; i++) {
      if (STEPS[i].days * pxPerDay >= 84) { step = STEPS[i]; break; }
    }
    var out = [];
    var d = new Date(Math.floor(view.start) * DAY);
    var endDay = Math.ceil(view.end);
    var y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (step.unit === "day" || step.unit === "week") {
      var n = Math.floor(view.start);
      if (step.unit === "week") { n -= (new Date(n * DAY).getUTCDay() + 6) % 7; }  // Mondays
      for (; n <= endDay; n += step.days) {
        var date = new Date(n * DAY);
        var newYear = date.getUTCMonth() === 0 && date.getUTCDate() <= step.days;
        out.push({day: n, major: date.getUTCDate() === 1 || newYear, full: dayText(n),
          text: dayText(n, newYear)});
      }
    } else if (step.unit === "month") {
      m = m - (m % step.n);
      for (;;) {
        var day = Date.UTC(y, m, 1) / DAY;
        if (day > endDay) { break; }
        var month = MONTHS[(m % 12 + 12) % 12];
        var full = month + " " + new Date(day * DAY).getUTCFullYear();
        out.push({day: day, major: m % 12 === 0, full: full, text: m % 12 ? month : full});
        m += step.n;
      }
    } else {
      y = y - (((y % step.n) + step.n) % step.n);
      for (;;) {
        var yearDay = Date.UTC(y, 0, 1) / DAY;
        if (yearDay > endDay) { break; }
        out.push({day: yearDay, major: y % (step.n * 5) === 0, full: String(y), text: String(y)});
        y += step.n;
      }
    }
    // only the ticks in view; the first one says the year
    out = out.filter(function (t) { return t.day >= view.start && t.day <= view.end; });
    if (out.length) { out[0].text = out[0].full; }
    return out;
  }

  var onScreen = {};
  var density = document.getElementById("density");
  function drawDensity(items, width, x) {
    density.hidden = !items.length;
    if (!items.length) { return; }
    var ratio = window.devicePixelRatio || 1;
    var height = DENSITY_LANES * LANE;
    density.width = Math.round(width * ratio);
    density.height = Math.round(height * ratio);
    density.style.width = width + "px";
    density.style.height = height + "px";
    var bins = Math.max(1, Math.ceil(width / BIN));
    var counts = [];
    for (var i = 0; i < bins; i++) { counts.push([0, 0, 0, 0, 0]); }
    items.forEach(function (item) {
      var middle = Math.max(0, Math.min(width - 1, (item.left + item.right) / 2));
      counts[Math.floor(middle / BIN)][item.e.quad_class] += 1;
    });
    var top = Math.max.apply(null, counts.map(function (c) { return c[1] + c[2] + c[3] + c[4]; }));
    var context = density.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    var style = getComputedStyle(document.documentElement);
    counts.forEach(function (c, i) {
      var base = height;
      [1, 2, 3, 4].forEach(function (q) {
        if (!c[q]) { return; }
        var h = Math.max(1, c[q] / top * (height - 4));
        context.fillStyle = style.getPropertyValue("--q" + q).trim();
        context.fillRect(i * BIN, base - h, BIN - 1, h);
        base -= h;
      });
    });
  }

  function render() {
    var width = timeline.clientWidth || 1;
    var span = view.end - view.start;
    var px = width / span;
    function x(day) { return (day - view.start) * px; }
    axis.textContent = "";
    ticks(px).forEach(function (t) {
      var left = x(t.day);
      var tick = el("div", "tick" + (t.major ? " major" : ""));
      tick.style.left = left + "px";
      tick.appendChild(el("span", null, t.text));
      axis.appendChild(tick);
    });
    // the shown events in view, with their extent in pixels; those out of it are counted
    var inView = [], before = 0, after = 0;
    dated.forEach(function (e) {
      if (e.lead !== e || !e.markVisible) { return; }
      var point = e.end - e.start <= 1;
      var left = point ? x(e.start + 0.5) - POINT / 2 : x(e.start);
      var right = point ? left + POINT : Math.max(x(e.end), left + MIN_BAR);
      if (right >= 0 && left <= width) {
        inView.push({e: e, left: left, right: right, period: e.end - e.start > PERIOD_DAYS});
      } else if (right < 0) { before++; } else { after++; }
    });
    var dense = inView.length > MAX_MARKS;
    var now = {};
    var used = 0, periodsUsed = 0;
    function lanesFor(items, most) {  // a lane for each item, the first free one; the lanes used
      var laneEnds = [];
      items.forEach(function (item) {
        var lane = 0;
        while (lane < laneEnds.length && laneEnds[lane] > item.left - 3) { lane++; }
        if (lane >= most) {  // crowded: the lane that frees up first
          lane = laneEnds.indexOf(Math.min.apply(null, laneEnds));
        }
        laneEnds[lane] = item.right;
        item.lane = lane;
      });
      return laneEnds.length;
    }
    if (!dense) {
      var days = inView.filter(function (item) { return !item.period; });
      var periods = inView.filter(function (item) { return item.period; });
      used = lanesFor(days, MAX_LANES);
      periodsUsed = lanesFor(periods, MAX_PERIOD_LANES);
      var band = Math.max(used, periodsUsed ? 1 : 4) * LANE + 4;  // the periods' band starts here
      inView.forEach(function (item) {
        var e = item.e, mark = marks[e.id];
        mark.style.left = item.left + "px";
        mark.style.top = (item.period ? band + item.lane * PERIOD_LANE : item.lane * LANE + 3) +
          "px";
        if (mark.classList.contains("bar")) {
          mark.style.width = (item.right - item.left) + "px";
          mark.textContent = !item.period && item.right - item.left > 70 ? e.trigger : "";
        }
        now[e.id] = true;
      });
    }
    // only the marks that appear or go away are touched: long timelines stay fast
    Object.keys(onScreen).forEach(function (id) {
      if (!now[id]) { marks[id].classList.add("off"); }
    });
    Object.keys(now).forEach(function (id) {
      if (!onScreen[id]) { marks[id].classList.remove("off"); }
    });
    onScreen = now;
    drawDensity(dense ? inView : [], width, x);
    if (dense) { used = DENSITY_LANES; periodsUsed = 0; }
    var outside = document.getElementById("outside-note");
    outside.hidden = !(before + after);
    outside.textContent = (before ? before + " earlier" : "") + (before && after ? ", " : "") +
      (after ? after + " later" : "") + " out of view: zoom out to see " +
      (before + after === 1 ? "it" : "them");
    timeline.setAttribute("data-outside", String(before + after));
    document.getElementById("dense-note").hidden = !dense;
    document.getElementById("dense-note").textContent = dense ? inView.length +
      " events in view, drawn as counts: zoom in to see each one" : "";
    var height = periodsUsed ? Math.max(used, 1) * LANE + 4 + periodsUsed * PERIOD_LANE :
      Math.max(used, 4) * LANE;
    timeline.style.height = (AXIS + height + 10) + "px";
    timeline.setAttribute("data-view-start", (view.start).toFixed(3));
    timeline.setAttribute("data-view-end", (view.end).toFixed(3));
    document.getElementById("range").textContent = dayText(Math.floor(view.start)) + " \u2013 " +
      dayText(Math.floor(view.end));
  }

  // --- filters -----
  function applyFilters() {
    var actor = actorSelect.value, root = typeSelect.value, status = statusSelect.value;
    var words = textInput.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    events.forEach(function (e) {
      e.visible = (!actor || e.actorNames.indexOf(actor) >= 0) &&
        (!root || e.root === root) && (!status || e.status === status) &&
        quadBoxes[e.quad_class] !== undefined && quadBoxes[e.quad_class].checked &&
        words.every(function (w) { return e.search.indexOf(w) >= 0; });
      if (e.visible) { shown++; }
      if (!e.visible && selected === e.id) { select(e, false); }
    });
    events.forEach(function (e) {  // a happening's mark shows while one of its reports does
      if (e.lead !== e) { return; }
      e.markVisible = e.reports.some(function (r) { return r.visible; });
      if (marks[e.id]) { marks[e.id].hidden = !e.markVisible; }
    });
    document.getElementById("shown").textContent = shown === events.length ?
      "all " + shown + " events shown" : shown + " of " + events.length + " events shown";
    document.getElementById("empty").hidden = shown > 0;
    listed = PAGE;
    renderList();
    render();
  }
  [actorSelect, typeSelect, statusSelect].forEach(function (s) {
    s.addEventListener("change", function () {
      applyFilters();
      fit(events.filter(function (e) { return e.visible; }));
      render();
    });
  });
  textInput.addEventListener("input", applyFilters);
  Object.keys(quadBoxes).forEach(function (q) {
    quadBoxes[q].addEventListener("change", applyFilters);
  });

  // --- zoom and pan -----
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.6); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.6); });
  document.getElementById("zoom-fit").addEventListener("click", function () {
    fit(events.filter(function (e) { return e.visible; }));
    render();
  });
  timeline.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = timeline.getBoundingClientRect();
    var delta = event.deltaY || event.deltaX;
    zoom(Math.exp(Math.max(-1, Math.min(1, delta / 300))), event.clientX - box.left);
  }, {passive: false});
  timeline.addEventListener("keydown", function (event) {
    var span = view.end - view.start;
    if (event.key === "+" || event.key === "=") { zoom(1 / 1.6); }
    else if (event.key === "-") { zoom(1.6); }
    else if (event.key === "ArrowLeft") { view.start -= span / 8; view.end -= span / 8; render(); }
    else if (event.key === "ArrowRight") { view.start += span / 8; view.end += span / 8; render(); }
    else { return; }
    event.preventDefault();
  });
  var drag = null;
  timeline.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) { return; }
    drag = {x: event.clientX, start: view.start, end: view.end, moved: false,
      target: event.target, id: event.pointerId};
  });
  timeline.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < 4) { return; }
    if (!drag.moved) {
      drag.moved = true;
      timeline.classList.add("dragging");
      try { timeline.setPointerCapture(drag.id); } catch (err) { /* already released */ }
    }
    var shift = dx / (timeline.clientWidth || 1) * (drag.end - drag.start);
    view = {start: drag.start - shift, end: drag.end - shift};
    render();
  });
  function endDrag() {
    if (!drag) { return; }
    var clicked = !drag.moved && drag.target.closest ? drag.target.closest(".mark") : null;
    timeline.classList.remove("dragging");
    drag = null;
    if (clicked) {
      var id = Number(clicked.getAttribute("data-event-id"));
      var e = byId[id];
      if (e && !e.visible) {  // the happening's first report the filters show
        e = e.reports.filter(function (r) { return r.visible; })[0] || e;
      }
      if (e) { select(e, selected !== e.id); }
    }
  }
  timeline.addEventListener("pointerup", endDrag);
  window.addEventListener("pointerup", endDrag);
  timeline.addEventListener("pointercancel", function () { drag = null; });
  window.addEventListener("resize", render);

  events.forEach(function (e) { e.visible = true; });
  fit(events);
  applyFilters();
})();
