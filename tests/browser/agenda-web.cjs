// The HTML agenda in headless Chromium, driven through puppeteer-core, with JavaScript on and off.
//
//   node tests/browser/agenda-web.cjs NPM_DIR OUT_DIR NAME PAGE PROGRAM_JSON [SHOTS_DIR]
//
// For one exported agenda (PAGE: its index.html; PROGRAM_JSON: `agora export json` of it), at
// 390, 1280 and 1920 px:
//   - JavaScript off and on: the page loads, every session title is in the DOM, the sticky
//     headers stay in view after scrolling (measured), no hostile text became an element;
//   - JavaScript on: search hides the sessions that do not match, a favourite survives a
//     reload, "my favourites" builds a calendar (written to OUT_DIR/NAME-mine-WIDTH.ics for
//     verify-ics), and axe-core finds no serious or critical violation;
//   - SHOTS_DIR: screenshots agenda-WIDTH.png there.
// Prints PASS/FAIL lines; exits 1 when a check failed.
"use strict";
const fs = require("fs");
const path = require("path");
const [npm, out, name, page, programJson, shots] = process.argv.slice(2);
const puppeteer = require(path.join(npm, "node_modules", "puppeteer-core"));
const axeSource = fs.readFileSync(path.join(npm, "node_modules", "axe-core", "axe.min.js"), "utf8");

const norm = (t) => t.replace(/[\u00a0\u202f\s]+/g, " ").trim();
const program = JSON.parse(fs.readFileSync(programJson, "utf8"));
const titles = program.sessions.map((s) => norm(s.title));
const url = "file://" + path.resolve(page);
let failed = 0;
const fail = (what) => { failed++; console.log(`  FAIL ${name}: ${what}`); };

async function titlesInDom(p) {
  const dom = await p.evaluate(() => Array.from(document.querySelectorAll("h3")).map((h) => h.textContent));
  const seen = new Set(dom.map(norm));
  return titles.filter((t) => !seen.has(t));
}

// No element made from hostile text: no img, iframe, svg or script but the page's own.
async function inert(p) {
  return p.evaluate(() => ({
    bad: document.querySelectorAll("img, iframe, svg, object, embed, main script").length,
    scripts: document.querySelectorAll("script").length,
    pwned: !!window.__pwned,
  }));
}

// Scroll and measure: on wide screens the room headers and the time column stay at the edges
// of the grid's scrolling box; on phones the time-slot heading stays at the top of the screen.
async function sticky(p, width) {
  // Synchronous (layout is forced by the measurements): timers do not run with JS off.
  return p.evaluate((wide) => {
    const wait = () => document.body.getBoundingClientRect();
    if (wide) {
      const box = document.querySelector(".scroll");
      if (!box || box.scrollHeight <= box.clientHeight + 10) return { skipped: "grid fits" };
      box.scrollIntoView();
      wait();
      box.scrollTop = Math.min(400, box.scrollHeight - box.clientHeight);
      // Right to left, the time column sticks at the right and scrollLeft runs negative.
      const rtl = getComputedStyle(box).direction === "rtl";
      box.scrollLeft = (rtl ? -1 : 1) * Math.min(300, box.scrollWidth - box.clientWidth);
      wait();
      const b = box.getBoundingClientRect();
      const head = box.querySelector(".room-head").getBoundingClientRect();
      const slots = Array.from(box.querySelectorAll(".slot")).map((s) => s.getBoundingClientRect())
        .filter((r) => r.bottom > b.top + head.height && r.top < b.bottom);
      const edge = (r) => (rtl ? b.right - r.right : r.left - b.left);
      const ok = Math.abs(head.top - b.top) < 2 && head.bottom > b.top &&
        (slots.length === 0 || slots.every((r) => Math.abs(edge(r)) < 2 || box.scrollLeft === 0));
      return { ok, rtl, head: head.top - b.top, slotEdge: slots.length ? edge(slots[0]) : null };
    }
    const slots = Array.from(document.querySelectorAll(".grid > .slot:not(.slot-end)"));
    if (slots.length < 2) return { skipped: "one slot" };
    // Scroll to just past the start of the second slot's group, then its heading is at the top.
    const target = slots[1];
    const next = target.nextElementSibling;
    const desired = window.scrollY + next.getBoundingClientRect().top + 10;
    window.scrollTo(0, desired);
    wait();
    if (Math.abs(window.scrollY - desired) > 2) return { skipped: "the page is too short to scroll there" };
    const r = target.getBoundingClientRect();
    return { ok: Math.abs(r.top) < 2, head: r.top };
  }, width >= 1024);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    protocolTimeout: 60000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    for (const width of [390, 1280, 1920]) {
      for (const js of [false, true]) {
        const tag = `${width}px JS ${js ? "on" : "off"}`;
        const context = await browser.createBrowserContext();
        const p = await context.newPage();
        const external = [];
        p.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) external.push(r.url()); });
        await p.setJavaScriptEnabled(js);
        await p.setViewport({ width, height: width < 1024 ? 844 : 1000 });
        await p.goto(url, { waitUntil: "load" });
        const before = failed;
        const missing = await titlesInDom(p);
        if (missing.length) fail(`${tag}: ${missing.length} title(s) missing from the DOM, first ${JSON.stringify(missing[0])}`);
        const safe = await inert(p);
        if (safe.bad || safe.pwned || safe.scripts > 1) fail(`${tag}: hostile text became active (${JSON.stringify(safe)})`);
        if (external.length) fail(`${tag}: external request ${external[0]}`);
        if (width < 1024) {
          // On phones the first session is on the first screen.
          const top = await p.evaluate(() => {
            const c = document.querySelector("main article.session");
            return c ? c.getBoundingClientRect().top : 0;
          });
          if (top > 844) fail(`${tag}: the first session starts at ${Math.round(top)} px, below the first screen`);
        }
        const s = await sticky(p, width);
        if (process.env.VERBOSE) console.log("   sticky", JSON.stringify(s));
        if (!s.skipped && !s.ok) fail(`${tag}: sticky headers left the view (${JSON.stringify(s)})`);
        if (js) {
          const tools = await p.evaluate(() => !document.getElementById("tools").hidden);
          if (!tools) fail(`${tag}: the search and filters are not shown`);
          // Search: a word of the first title hides every session without it.
          const result = await p.evaluate(async () => {
            const cards = Array.from(document.querySelectorAll("main article.session"));
            const fold = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
            const words = cards.map((c) => c.querySelector("h3").textContent.split(/\s+/)
              .filter((w) => w.length > 4 && /^[\p{L}]+$/u.test(w))).flat();
            if (!words.length) return { skipped: true };
            const word = words.sort((a, b) => b.length - a.length)[0];
            const q = document.getElementById("q");
            q.value = word.slice(0, 6);
            q.dispatchEvent(new Event("input"));
            const shown = cards.filter((c) => !c.hidden);
            const wrong = shown.filter((c) => !fold(c.textContent + " " + (c.dataset.room || "")).includes(fold(q.value)));
            const total = cards.length;
            q.value = "";
            q.dispatchEvent(new Event("input"));
            return { word: word.slice(0, 6), shown: shown.length, total, wrong: wrong.length,
              back: cards.filter((c) => !c.hidden).length };
          });
          if (process.env.VERBOSE) console.log("   search", JSON.stringify(result));
          if (!result.skipped && (result.wrong || result.shown === 0 || (result.shown === result.total && result.total > 3) || result.back !== result.total)) {
            fail(`${tag}: search does not filter (${JSON.stringify(result)})`);
          }
          // Favourite, reload, still a favourite; then the calendar of favourites.
          const key = await p.evaluate(() => {
            const b = document.querySelector("main .fav");
            if (!b) return null;
            b.click();
            return b.closest("article").id;
          });
          if (key) {
            // The browser keeps localStorage in its own process: give the write a moment, as a
            // person's reload would, so the check is about the page and not a race.
            await new Promise((r) => setTimeout(r, 500));
            await p.reload({ waitUntil: "load" });
            const pressed = await p.evaluate((id) => {
              const b = document.querySelector(`#${CSS.escape(id)} .fav`);
              return b && b.getAttribute("aria-pressed");
            }, key);
            if (pressed !== "true") fail(`${tag}: the favourite ${key} did not survive a reload`);
            const ics = await p.evaluate(async () => {
              const a = document.getElementById("my-ics");
              a.dispatchEvent(new Event("focus"));
              return (await fetch(a.href)).text();
            });
            if (!ics.includes("BEGIN:VEVENT") || !ics.includes(key.replace(/^s-/, "") + "@")) {
              fail(`${tag}: my calendar lacks the favourite`);
            }
            fs.writeFileSync(path.join(out, `${name}-mine-${width}.ics`), ics);
            // "My favourites only" leaves exactly the favourite.
            const mine = await p.evaluate(() => {
              const m = document.getElementById("mine");
              m.click();
              const n = document.querySelectorAll("main article.session:not([hidden])").length;
              m.click();
              return n;
            });
            if (mine !== 1) fail(`${tag}: "my favourites" shows ${mine} sessions, not 1`);
          }
          // Now/next: at the first session's start (pinned with ?now=), it is marked "now".
          const first = await p.evaluate(() => {
            const c = Array.from(document.querySelectorAll("main article[data-start]"))
              .filter((c) => !c.classList.contains("cancelled"))
              .sort((a, b) => new Date(a.dataset.start) - new Date(b.dataset.start))[0];
            return c ? { id: c.id, start: c.dataset.start } : null;
          });
          if (first) {
            await p.goto(url + "?now=" + encodeURIComponent(first.start), { waitUntil: "load" });
            const live = await p.evaluate((id) => {
              const c = document.getElementById(id);
              return { now: c.classList.contains("is-now"), label: (c.querySelector(".live") || {}).textContent || "" };
            }, first.id);
            if (!live.now || !live.label) fail(`${tag}: the session under way is not marked now (${JSON.stringify(live)})`);
            // The viewer's time zone: another zone than the page's shows other times, with the zone.
            await p.emulateTimezone("America/New_York");
            await p.goto(url, { waitUntil: "load" });
            const tz = await p.evaluate((id) => {
              const opt = document.getElementById("tz-option");
              const t = document.querySelector(`#${CSS.escape(id)} .when time`);
              const before = t.textContent;
              document.getElementById("my-tz").click();
              const after = t.textContent;
              document.getElementById("my-tz").click();
              return { offered: !opt.hidden, before, after, back: t.textContent };
            }, first.id);
            if (process.env.VERBOSE) console.log("   time zone", JSON.stringify(tz));
            if (!tz.offered || tz.after === tz.before || tz.back !== tz.before) {
              fail(`${tag}: "times in my time zone" does not work (${JSON.stringify(tz)})`);
            }
            await p.emulateTimezone(undefined);
          }
          // axe-core: no serious or critical violation.
          await p.addScriptTag({ content: axeSource });
          const violations = await p.evaluate(async () => {
            const r = await window.axe.run(document, { resultTypes: ["violations"] });
            return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×: ${v.nodes[0].target.join(" ")})`);
          });
          violations.forEach((v) => fail(`${tag}: axe-core ${v}`));
        }
        if (failed === before) console.log(`PASS ${name} at ${tag}`);
        await context.close();
      }
      if (shots) {
        const context = await browser.createBrowserContext();
        const p = await context.newPage();
        await p.setViewport({ width, height: width < 1024 ? 1800 : width < 1600 ? 1500 : 1080 });
        await p.goto(url, { waitUntil: "load" });
        await p.screenshot({ path: path.join(shots, `agenda-${width}.png`) });
        console.log(`updated ${path.join(shots, `agenda-${width}.png`)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log(`  FAIL ${name}: ${e.stack || e}`); process.exit(1); });
