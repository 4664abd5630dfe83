// labkit room: makes the participants' page and the results page live. The pages work without
// this script (plain forms that post and come back); with it, the countdown runs, a new
// question appears by itself, and forms are sent without leaving the page. It never wipes what
// someone is typing for the same question, and it only ever talks to the server it came from.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !window.fetch || !window.EventSource || !window.DOMParser) return;
  var base = body.getAttribute("data-base") || "";
  var results = body.getAttribute("data-page") === "results";
  var served = Number(body.getAttribute("data-now"));
  var offset = served ? served - Date.now() : 0; // the server's clock minus this device's
  var status = document.getElementById("status");

  function main() { return document.getElementById("main"); }
  // A confirmation goes after a few seconds (it would cover the page's foot on a phone); a
  // refusal stays until the next action.
  var clearing = 0;
  function say(text, ok) {
    if (!status) return;
    clearTimeout(clearing);
    status.textContent = text || "";
    status.className = "status" + (text ? (ok ? " ok" : " err") : "");
    if (text && ok) clearing = setTimeout(function () { say("", true); }, 6000);
  }

  // Countdown, on the facilitator's clock.
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var el = document.getElementById("countdown");
    if (!el) return;
    var ends = Number(el.getAttribute("data-ends"));
    if (!ends) { el.hidden = true; return; }
    el.hidden = false;
    var left = Math.ceil((ends - (Date.now() + offset)) / 1000);
    if (left <= 0) { el.textContent = body.getAttribute("data-up"); return; }
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    var time = (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
    el.textContent = body.getAttribute("data-left").replace("{time}", time);
  }
  setInterval(tick, 1000);
  tick();

  // Dots left on a vote.
  function dotsLeft() {
    var el = document.getElementById("dots-left");
    if (!el) return;
    var used = 0;
    var inputs = main().querySelectorAll("input[data-dot]");
    for (var i = 0; i < inputs.length; i++) used += Math.max(0, parseInt(inputs[i].value, 10) || 0);
    var left = Number(el.getAttribute("data-dots")) - used;
    el.textContent = body.getAttribute("data-dots-left").replace("{n}", String(left));
    el.className = "hint" + (left < 0 ? " over" : "");
  }
  document.addEventListener("input", function (e) {
    if (e.target && e.target.hasAttribute && e.target.hasAttribute("data-dot")) dotsLeft();
  });

  function setTokens(token) {
    var inputs = document.querySelectorAll("input[name=token]");
    for (var i = 0; i < inputs.length; i++) { inputs[i].value = token; inputs[i].defaultValue = token; }
  }

  function changed(el) {
    if (el.type === "hidden" || el.type === "submit") return false;
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    if (el.tagName === "SELECT") {
      for (var i = 0; i < el.options.length; i++)
        if (el.options[i].selected !== el.options[i].defaultSelected) return true;
      return false;
    }
    return el.value !== el.defaultValue;
  }

  // Fetch the page again and swap <main>, carrying over what the person changed but has not
  // sent (for the same question), and where they were.
  // `refocus`: the field to put the focus back on after a form was sent (the send button was
  // disabled meanwhile, which drops the focus), so the next entry can be typed at once.
  var busy = false, again = false, skipForm = null, refocus = null;
  function refresh(sent, field) {
    if (sent) skipForm = sent;
    if (field) refocus = field;
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("main"), old = main();
        if (!fresh || !old) return;
        var same = fresh.getAttribute("data-key") === old.getAttribute("data-key");
        var focused = document.activeElement, focusId = focused && old.contains(focused) ? focused.id : "";
        var start = null, end = null;
        try { start = focused.selectionStart; end = focused.selectionEnd; } catch (x) { /* not text */ }
        var controls = old.querySelectorAll("input, textarea, select");
        for (var i = 0; i < controls.length; i++) {
          var el = controls[i];
          if (!el.id || !changed(el)) continue;
          if (skipForm && skipForm.contains(el)) continue;
          if (!same && !el.hasAttribute("data-keep")) continue;
          var twin = doc.getElementById(el.id);
          if (!twin || twin.tagName !== el.tagName) continue;
          if (el.type === "checkbox" || el.type === "radio") twin.checked = el.checked;
          else twin.value = el.value;
        }
        if (doc.title) document.title = doc.title;
        // Adopting moves the parsed node with the values set above (a copy might lose them).
        old.parentNode.replaceChild(document.adoptNode(fresh), old);
        // A confirmation ("Added.") is about the question it was sent to: gone with it.
        if (!same && status && / ok$/.test(status.className)) say("", true);
        if (!focusId && refocus && document.getElementById(refocus)) focusId = refocus;
        refocus = null;
        if (focusId) {
          var back = document.getElementById(focusId);
          if (back) {
            back.focus();
            try { if (start !== null) back.setSelectionRange(start, end); } catch (x) { /* not text */ }
          }
        }
        tick();
        dotsLeft();
      })
      .catch(function () { /* the next event will try again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(null); } else skipForm = null;
      });
  }

  // Forms: send with fetch, same fields, same token rules.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form || !main() || !main().contains(form)) return;
    e.preventDefault();
    say("", true);
    var button = form.querySelector("button[type=submit]");
    var field = form.querySelector("textarea[id], select[id], input[id]:not([type=hidden])");
    var fieldId = field ? field.id : document.getElementById("add-text") ? "add-text" : "";
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      body: new URLSearchParams(new FormData(form))
    })
      .then(function (r) {
        return r.json().catch(function () { return { ok: false, stale: true, error: body.getAttribute("data-failed") }; });
      })
      .then(function (j) {
        if (j.token) setTokens(j.token);
        say(j.ok ? j.message : j.error, j.ok);
        if (j.ok) {
          if (form.classList.contains("add")) form.reset();
          refresh(form, fieldId);
        } else if (j.stale) {
          refresh(null);
        }
      })
      .catch(function () { say(body.getAttribute("data-failed"), false); })
      .then(function () { if (button) button.disabled = false; });
  });

  // Follow the room.
  var source = null, retry = 2000;
  function listen() {
    source = new EventSource(base + "/events");
    source.onopen = function () { retry = 2000; };
    source.onmessage = function (e) {
      var d;
      try { d = JSON.parse(e.data); } catch (x) { return; }
      if (typeof d.now === "number") offset = d.now - Date.now();
      var el = document.getElementById("countdown");
      if (el) el.setAttribute("data-ends", d.ends ? String(d.ends) : "");
      var m = main();
      if (m) {
        var stale = results
          ? String(d.v) !== m.getAttribute("data-v")
          : (d.key || "") !== (m.getAttribute("data-key") || "") || d.state !== m.getAttribute("data-state");
        if (stale) refresh(null);
      }
      tick();
    };
    source.onerror = function () {
      // The browser retries by itself unless the server refused; then wait and start again.
      if (source.readyState === 2) {
        setTimeout(listen, retry);
        retry = Math.min(retry * 2, 30000);
      }
    };
  }
  listen();
  dotsLeft();
})();
