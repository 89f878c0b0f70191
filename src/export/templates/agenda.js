/* The interactive agenda: search, filters, favourites (kept in localStorage), "my agenda",
   a calendar of the favourites built in the page, now/next marks, times in the viewer's time
   zone. The page is complete without it: this only hides, marks and adds buttons. It reads
   the page (data-* attributes written by agora) and writes text only through textContent. */
(function () {
  "use strict";
  var tools = document.getElementById("tools");
  if (!tools || !document.querySelectorAll || !window.Intl) return;
  var d = tools.dataset;
  var cards = Array.prototype.slice.call(document.querySelectorAll("main article.session"));
  var store = (function () {
    try { var s = window.localStorage; s.setItem("agora:probe", "1"); s.removeItem("agora:probe"); return s; }
    catch (e) { return null; }
  })();
  var favKey = "agora:" + d.event + ":favourites";
  var tzKey = "agora:" + d.event + ":my-tz";
  var favs = {};
  try { (JSON.parse((store && store.getItem(favKey)) || "[]") || []).forEach(function (k) { favs[k] = true; }); }
  catch (e) { favs = {}; }

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function keyOf(card) { return card.id.replace(/^s-/, ""); }
  function text(card, sel) { var el = card.querySelector(sel); return el ? el.textContent : ""; }

  var haystack = cards.map(function (c) {
    return fold([text(c, "h3"), text(c, ".people"), text(c, ".where"), c.dataset.room || ""].join(" "));
  });

  // Favourite buttons, on every placed session but breaks.
  cards.forEach(function (card) {
    if (!card.dataset.start || card.classList.contains("kind-break")) return;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "fav";
    b.setAttribute("aria-label", d.favourite + " — " + text(card, "h3").trim());
    var on = !!favs[keyOf(card)];
    b.setAttribute("aria-pressed", on ? "true" : "false");
    b.textContent = on ? "\u2605" : "\u2606";
    b.addEventListener("click", function () {
      var k = keyOf(card);
      if (favs[k]) delete favs[k]; else favs[k] = true;
      var now = !!favs[k];
      b.setAttribute("aria-pressed", now ? "true" : "false");
      b.textContent = now ? "\u2605" : "\u2606";
      save();
      apply();
    });
    card.insertBefore(b, card.firstChild);
  });

  function save() {
    if (!store) return;
    try { store.setItem(favKey, JSON.stringify(Object.keys(favs).sort())); } catch (e) { /* full */ }
  }

  var search = document.getElementById("q");
  var selects = Array.prototype.slice.call(tools.querySelectorAll("select[data-filter]"));
  var mine = document.getElementById("mine");
  var icsLink = document.getElementById("my-ics");
  var noMatch = document.getElementById("no-match");

  function apply() {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var want = {};
    selects.forEach(function (s) { if (s.value) want[s.dataset.filter] = s.value; });
    var onlyMine = mine.checked;
    var shown = 0;
    cards.forEach(function (card, i) {
      var ds = card.dataset;
      var ok = words.every(function (w) { return haystack[i].indexOf(w) >= 0; }) &&
        (!want.day || ds.day === want.day) &&
        (!want.track || ds.track === want.track) &&
        (!want.room || ds.room === want.room) &&
        (!want.kind || ds.kind === want.kind) &&
        (!want.lang || ds.lang === want.lang) &&
        (!onlyMine || !!favs[keyOf(card)]);
      card.hidden = !ok;
      if (ok) shown++;
    });
    // Time-slot headings with nothing left under them, and days with nothing left, go too.
    Array.prototype.forEach.call(document.querySelectorAll("main .grid > .slot:not(.slot-end)"), function (slot) {
      var any = false;
      for (var el = slot.nextElementSibling; el && !el.classList.contains("slot"); el = el.nextElementSibling) {
        if (el.tagName === "ARTICLE" && !el.hidden) { any = true; break; }
      }
      slot.classList.toggle("empty", !any);
    });
    Array.prototype.forEach.call(document.querySelectorAll("main > section.day"), function (day) {
      var list = day.querySelectorAll("article.session");
      if (!list.length) return;
      day.hidden = !Array.prototype.some.call(list, function (c) { return !c.hidden; });
    });
    noMatch.hidden = shown > 0;
    icsLink.hidden = Object.keys(favs).length === 0;
  }
  [search].concat(selects).forEach(function (el) { el.addEventListener("input", apply); });
  selects.forEach(function (el) { el.addEventListener("change", apply); });
  mine.addEventListener("change", apply);
  tools.addEventListener("submit", function (e) { e.preventDefault(); });

  // The favourites' calendar, built here (RFC 5545: UTC times, escaped text, folded lines).
  function icsText(value) {
    return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function utc(date) { return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""); }
  var encoder = new TextEncoder();
  function fold75(line) {
    var out = [], cur = "", bytes = 0;
    for (var ch of line) {
      var n = encoder.encode(ch).length;
      if (bytes + n > (out.length ? 74 : 75)) { out.push(cur); cur = ""; bytes = 0; }
      cur += ch; bytes += n;
    }
    out.push(cur);
    return out.join("\r\n ");
  }
  function calendar() {
    var stamp = utc(new Date());
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//agora//agenda page//EN", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + icsText(text(document, "h1").trim())];
    cards.forEach(function (card) {
      var ds = card.dataset;
      if (!favs[keyOf(card)] || !ds.start || card.classList.contains("cancelled")) return;
      lines.push("BEGIN:VEVENT", "UID:" + keyOf(card) + "@" + d.event, "DTSTAMP:" + stamp,
        "DTSTART:" + utc(new Date(ds.start)), "DTEND:" + utc(new Date(ds.end)),
        "SUMMARY:" + icsText(text(card, "h3").trim()));
      var where = text(card, ".where").replace(/^\s*·\s*/, "").trim();
      if (where) lines.push("LOCATION:" + icsText(where));
      var people = text(card, ".people").trim();
      if (people) lines.push("DESCRIPTION:" + icsText(people));
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold75).join("\r\n") + "\r\n";
  }
  var blobUrl = null;
  function refreshLink() {
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([calendar()], { type: "text/calendar" }));
    icsLink.href = blobUrl;
  }
  icsLink.addEventListener("click", refreshLink);
  icsLink.addEventListener("focus", refreshLink);
  icsLink.addEventListener("mouseenter", refreshLink);

  // Now and next: while the event is live (?now=ISO pins the moment, for checks).
  var pinned = new URLSearchParams(window.location.search).get("now");
  function mark() {
    var now = pinned ? new Date(pinned).getTime() : Date.now();
    var next = Infinity, first = Infinity, last = -Infinity;
    cards.forEach(function (c) {
      if (!c.dataset.start || c.classList.contains("cancelled")) return;
      var s = new Date(c.dataset.start).getTime(), e = new Date(c.dataset.end).getTime();
      first = Math.min(first, s); last = Math.max(last, e);
      if (s > now) next = Math.min(next, s);
    });
    var live = now >= first - 3600000 && now < last;
    cards.forEach(function (c) {
      var old = c.querySelector(".live");
      if (old) old.remove();
      c.classList.remove("is-now", "is-next");
      if (!live || !c.dataset.start || c.classList.contains("cancelled")) return;
      var s = new Date(c.dataset.start).getTime(), e = new Date(c.dataset.end).getTime();
      var state = s <= now && now < e ? "now" : s === next ? "next" : "";
      if (!state) return;
      c.classList.add("is-" + state);
      var p = document.createElement("p");
      p.className = "live";
      p.textContent = state === "now" ? d.now : d.next;
      var when = c.querySelector(".when");
      c.insertBefore(p, when ? when.nextSibling : c.firstChild);
    });
  }
  mark();
  window.setInterval(mark, 60000);

  // Times in the viewer's own time zone (offered when it is not the page's).
  var viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var tzOption = document.getElementById("tz-option");
  var myTz = document.getElementById("my-tz");
  var times = Array.prototype.slice.call(document.querySelectorAll("main .when time, main .slot time"));
  times.forEach(function (t) { t.dataset.text = t.textContent; });
  var clock = new Intl.DateTimeFormat(d.lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: viewer });
  var zoneName = new Intl.DateTimeFormat(d.lang, { timeZoneName: "short", timeZone: viewer });
  function zoneOf(date) {
    var part = zoneName.formatToParts(date).filter(function (p) { return p.type === "timeZoneName"; })[0];
    return part ? part.value : viewer;
  }
  function retime() {
    var on = myTz.checked;
    if (store) { try { store.setItem(tzKey, on ? "1" : "0"); } catch (e) { /* full */ } }
    times.forEach(function (t) {
      if (!on) { t.textContent = t.dataset.text; return; }
      var card = t.closest("article");
      var start = new Date(t.getAttribute("datetime"));
      var label = clock.format(start);
      if (card && card.dataset.end) label += "\u2013" + clock.format(new Date(card.dataset.end)) + " " + zoneOf(start);
      t.textContent = label;
    });
  }
  if (viewer && viewer !== d.tz) {
    tzOption.hidden = false;
    myTz.checked = !!(store && store.getItem(tzKey) === "1");
    myTz.addEventListener("change", retime);
    if (myTz.checked) retime();
  }

  tools.hidden = false;
  apply();
})();
