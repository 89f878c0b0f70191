// The kiosk's clock: every second, show the state of this moment (each state is a <section>
// with data-from/data-to in seconds since the epoch), the time in the event's zone (offsets in
// <body data-offsets>), the countdowns and the progress bar. No network, no library.
// ?at=SECONDS shows another moment (rehearsals, screenshots). Reloads every 10 minutes to
// pick up a new export.
(function () {
  "use strict";
  var body = document.body;
  var pinned = /[?&]at=(-?\d+)/.exec(location.search);
  var start = Date.now();
  var offsets = (body.getAttribute("data-offsets") || "").split(",").filter(Boolean).map(function (p) {
    var kv = p.split(":");
    return [Number(kv[0]), Number(kv[1])];
  });
  function now() {
    var t = pinned ? Number(pinned[1]) * 1000 + (Date.now() - start) : Date.now();
    return Math.floor(t / 1000);
  }
  function offset(t) {
    var o = offsets.length ? offsets[0][1] : 0;
    for (var i = 0; i < offsets.length; i++) {
      if (offsets[i][0] <= t) { o = offsets[i][1]; }
    }
    return o;
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  // The language's words for durations (data-spans, from the catalogue): a template for
  // each count of minutes below a day, and for each day and hour up to 14 days.
  var spans = null;
  try { spans = JSON.parse(body.getAttribute("data-spans") || "null"); } catch (e) { spans = null; }
  function spanOf(t, d, h, m) {
    return t.split("{mm}").join(two(m)).split("{d}").join(String(d))
      .split("{h}").join(String(h)).split("{m}").join(String(m));
  }
  function span(seconds) {
    var m = Math.ceil(Math.max(0, seconds) / 60);
    if (spans && m < 1440) {
      return spanOf(spans.t[spans.m[m]], 0, Math.floor(m / 60), m < 60 ? m : m % 60);
    }
    var day = Math.floor(m / 1440), hour = Math.floor((m % 1440) / 60);
    if (spans && day <= 14) { return spanOf(spans.t[spans.d[(day - 1) * 24 + hour]], day, hour, 0); }
    if (m < 60) { return m + " min"; }
    if (m < 1440) { return Math.floor(m / 60) + " h " + two(m % 60); }
    return Math.floor(m / 1440) + " d " + Math.floor((m % 1440) / 60) + " h";
  }
  function fill(words, value) { return words.replace("{}", value); }
  var inWords = body.getAttribute("data-in") || "{}";
  var leftWords = body.getAttribute("data-left") || "{}";
  var states = Array.prototype.slice.call(document.querySelectorAll("section.state"));
  var clock = document.getElementById("clock");
  function tick() {
    var t = now();
    var local = new Date((t + offset(t)) * 1000);
    if (clock) { clock.textContent = two(local.getUTCHours()) + ":" + two(local.getUTCMinutes()); }
    states.forEach(function (s) {
      var from = s.getAttribute("data-from"), to = s.getAttribute("data-to");
      var on = (from === null || Number(from) <= t) && (to === null || t < Number(to));
      s.hidden = !on;
      if (!on) { return; }
      s.querySelectorAll(".in[data-start]").forEach(function (e) {
        e.textContent = fill(inWords, span(Number(e.getAttribute("data-start")) - t));
      });
      s.querySelectorAll(".left[data-end]").forEach(function (e) {
        e.textContent = fill(leftWords, span(Number(e.getAttribute("data-end")) - t));
      });
      s.querySelectorAll(".bar span[data-start]").forEach(function (e) {
        var a = Number(e.getAttribute("data-start")), b = Number(e.getAttribute("data-end"));
        var p = b > a ? Math.min(1, Math.max(0, (t - a) / (b - a))) : 1;
        e.style.width = (p * 100).toFixed(1) + "%";
      });
    });
  }
  tick();
  setInterval(tick, 1000);
  setTimeout(function () { location.reload(); }, 600000);
})();
