"use strict";
// The briefing is the same self-contained page the briefing command writes (inline SVG, no
// script); it is fetched with the reader's token and shown in a sandboxed frame.
const form = document.getElementById("filters");
function params() { return Object.fromEntries(new FormData(form).entries()); }
async function load() {
  const status = document.getElementById("status");
  const query = SW.query(Object.assign(params(), { format: "html" }));
  const headers = SW.token() ? { Authorization: "Bearer " + SW.token() } : {};
  const response = await fetch(SW.API + "/briefing" + query, { headers });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    status.textContent = body.error || ("HTTP " + response.status); status.className = "error";
  } else {
    status.textContent = ""; status.className = "muted";
    document.getElementById("brief").srcdoc = await response.text();
  }
  document.getElementById("markdown").href = SW.API + "/briefing" + SW.query(Object.assign(params(), { format: "markdown" }));
  document.body.dataset.ready = "true";
}
form.addEventListener("submit", e => { e.preventDefault(); load(); });
SW.header("/briefing");
loadSources().then(load);
