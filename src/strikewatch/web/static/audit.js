// The audit log: who changed what, when and why, newest first.
"use strict";
const form = document.getElementById("filters");
async function load() {
  const status = document.getElementById("status");
  try {
    const page = await SW.api("/reviews" + SW.query(Object.assign(Object.fromEntries(new FormData(form).entries()), { limit: 500 })));
    status.textContent = `${page.total} entries`;
    document.querySelector("#log tbody").innerHTML = page.items.map(r => `<tr>
      <td>${SW.esc(r.at)}</td><td class="analyst">${SW.esc(r.analyst)}</td><td class="action">${SW.esc(r.action)}</td>
      <td><a href="/incident/${encodeURIComponent(r.incident_id)}">${SW.esc(r.incident_id)}</a></td>
      <td>${SW.esc(r.field || "")}</td><td>${SW.esc(r.old_value || "")}</td><td>${SW.esc(r.new_value || "")}</td>
      <td>${SW.esc(r.reason || "")}</td></tr>`).join("");
  } catch (e) { status.textContent = e.message; status.className = "error"; }
  document.body.dataset.ready = "true";
}
form.addEventListener("submit", e => { e.preventDefault(); load(); });
SW.header("/audit");
load();
