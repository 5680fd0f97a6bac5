// Alerts raised by the watch-lists, newest first; a withdrawn one is kept, struck through.
"use strict";
const form = document.getElementById("filters");
async function load() {
  const status = document.getElementById("status");
  try {
    const page = await SW.api("/alerts" + SW.query(Object.assign(Object.fromEntries(new FormData(form).entries()), { limit: 500 })));
    status.textContent = `${page.total} alerts`;
    document.querySelector("#alerts tbody").innerHTML = page.items.map(a => `<tr class="${a.withdrawn_at ? "withdrawn" : ""}">
      <td>${SW.esc(a.raised_at)}</td><td>${SW.esc(a.watchlist)}</td>
      <td><a href="/incident/${encodeURIComponent(a.incident_id)}">${SW.esc(a.incident_id)}</a></td>
      <td>${a.matched.map(SW.esc).join("<br>")}</td><td>${SW.esc(a.withdrawn_at || "")}</td>
      <td>${SW.esc(a.delivery)}${a.attempts.length ? ` (${a.attempts.length} attempts)` : ""}</td></tr>`).join("");
  } catch (e) { status.textContent = e.message; status.className = "error"; }
  document.body.dataset.ready = "true";
}
form.addEventListener("submit", e => { e.preventDefault(); load(); });
SW.header("/alerts");
load();
