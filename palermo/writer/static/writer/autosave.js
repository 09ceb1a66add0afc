// Autosave for the request writer's steps: what is typed goes to the server every few seconds,
// and is kept in this browser too, so a network error or an expired session loses nothing.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector(".writer-autosave-status");
  var key = form.dataset.autosaveKey;
  var updated = parseInt(form.dataset.updated || "0", 10);
  var timer = null;

  function say(text) { if (status) { status.textContent = text; } }

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "csrfmiddlewaretoken" || field.type === "submit") { return; }
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) { values[field.name] = field.value || "on"; }
        else if (field.type === "checkbox" && !(field.name in values)) { values[field.name] = null; }
      } else {
        values[field.name] = field.value;
      }
    });
    return values;
  }

  function keepLocally() {
    try {
      window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), values: snapshot() }));
    } catch (error) { /* storage full or disabled: the server copy is all we have */ }
  }

  function restore() {
    var kept;
    try { kept = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { kept = null; }
    if (!kept || !kept.values) { return; }
    if (kept.at <= updated) { window.localStorage.removeItem(key); return; }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !(field.name in kept.values)) { return; }
      var value = kept.values[field.name];
      if (field.type === "checkbox") { field.checked = value !== null; }
      else if (field.type === "radio") { field.checked = field.value === value; }
      else if (value !== null) { field.value = value; }
    });
    say(form.dataset.msgRestored);
  }

  function send() {
    keepLocally();
    var body = new FormData(form);
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(form.dataset.autosave, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: { "X-CSRFToken": token ? token.value : "", "Accept": "application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("application/json") === -1) { throw new Error("not saved"); }
      return response.json();
    }).then(function (answer) {
      if (!answer.saved) { throw new Error("not saved"); }
      say(form.dataset.msgSaved);
    }).catch(function () {
      say(form.dataset.msgOffline);
    });
  }

  function schedule() {
    keepLocally();
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(send, 1500);
  }

  restore();
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () { if (timer) { window.clearTimeout(timer); } keepLocally(); });
})();
