// Upload: files go to the ingest endpoint as they are; the answer says what was stored, what
// the store already had, and why each other file was refused.
"use strict";
const form = document.getElementById("upload");

function rows(list, cells) {
  return list.map(item => `<tr>${cells(item).map(([cls, text]) => `<td class="${cls}">${SW.esc(text)}</td>`).join("")}</tr>`).join("");
}

function show(out) {
  const stored = out.stored || [], duplicates = out.duplicates || [], rejected = out.rejected || [];
  const copies = Object.fromEntries((out.syndicated || []).map(s => [s.id, s.copy_of]));
  document.getElementById("stored").innerHTML = stored.map(id =>
    `<li data-id="${SW.esc(id)}">${SW.esc(id)}${copies[id] ? ` <span class="muted">(a syndicated copy of ${SW.esc(copies[id])})</span>` : ""}</li>`).join("")
    || `<li class="muted">nothing new</li>`;
  document.querySelector("#duplicates tbody").innerHTML = rows(duplicates, d => [["id", d.id], ["why", d.why]]);
  document.querySelector("#rejected tbody").innerHTML = rows(rejected, r => [["input", r.input], ["reason", r.reason]]);
  let summary = `${out.read ?? 0} article(s) read: ${stored.length} stored, ${duplicates.length} duplicate(s), ${rejected.length} file(s) rejected.`;
  if (out.extracted) summary += ` Extracted ${out.extracted.strikes} strike and ${out.extracted.claims} claim sentence(s) from ${out.extracted.documents} article(s).`;
  const made = out.fused ? out.fused.created : [];
  if (out.fused) summary += ` Incidents: ${made.length} new, ${out.fused.updated.length} updated.`;
  document.getElementById("summary").textContent = summary;
  document.getElementById("created").innerHTML = made.map(id =>
    `<li><a href="/incident/${encodeURIComponent(id)}">${SW.esc(id)}</a></li>`).join("");
  document.getElementById("created-heading").hidden = !made.length;
  document.getElementById("result").hidden = false;
}

form.addEventListener("submit", async e => {
  e.preventDefault();
  const status = document.getElementById("status");
  const data = new FormData();
  for (const file of form.elements.files.files) data.append("files", file, file.name);
  const params = { published: form.elements.published.value, source: form.elements.source.value.trim(),
                   process: form.elements.process.checked ? "" : "false" };
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  status.className = "muted";
  status.textContent = `Uploading ${data.getAll("files").length} file(s)…`;
  document.getElementById("result").hidden = true;
  try {
    const out = await SW.api("/ingest" + SW.query(params), { method: "POST", body: data });
    status.className = "ok";
    status.textContent = "Done.";
    show(out);
  } catch (err) {
    status.className = "error";
    status.textContent = err.message;
    if (err.body && err.body.rejected) show({ read: 0, rejected: err.body.rejected });
  } finally {
    button.disabled = false;
    document.body.dataset.done = String(Number(document.body.dataset.done || 0) + 1);
  }
});
SW.header("/upload").then(() => { document.body.dataset.ready = "true"; });
