// Users (admins only): who may read or write, since when, last use; revoke and add.
"use strict";
const when = t => t ? t.replace("T", " ").slice(0, 16) : "–";

function row(u) {
  const status = u.active ? "active" : `revoked ${when(u.revoked_at)} by ${u.revoked_by}`;
  return `<tr data-name="${SW.esc(u.name)}" class="${u.active ? "" : "muted"}">
    <td class="name">${SW.esc(u.name)}</td><td class="role">${SW.esc(u.role)}</td>
    <td>${SW.esc(when(u.created_at))}</td><td class="last-used">${SW.esc(when(u.last_used_at))}</td>
    <td class="status">${SW.esc(status)}</td>
    <td>${u.active ? `<button type="button" data-action="revoke">Revoke</button> <span class="result"></span>` : ""}</td></tr>`;
}

async function load() {
  const status = document.getElementById("status");
  try {
    const list = await SW.api("/users");
    status.className = "muted";
    status.textContent = `${list.total} user(s), ${list.items.filter(u => u.active).length} active`;
    document.querySelector("#users tbody").innerHTML = list.items.map(row).join("");
    document.getElementById("admin").hidden = false;
  } catch (e) {
    status.className = "error";
    status.textContent = e.message;
    document.getElementById("admin").hidden = true;
  }
  document.body.dataset.ready = "true";
}

// Revoking takes two clicks (no browser dialog): the first arms the button, the second acts.
document.getElementById("users").addEventListener("click", async e => {
  const button = e.target.closest("button[data-action=revoke]");
  if (!button) return;
  const tr = button.closest("tr"), result = tr.querySelector(".result");
  if (button.dataset.armed !== "true") {
    button.dataset.armed = "true";
    button.textContent = `Really revoke ${tr.dataset.name}?`;
    return;
  }
  button.disabled = true;
  try {
    await SW.api(`/users/${encodeURIComponent(tr.dataset.name)}/revoke`, { method: "POST" });
    document.body.dataset.ready = "false";
    await load();
  } catch (err) {
    result.className = "result error";
    result.textContent = err.message;
    button.disabled = false;
  }
});

document.getElementById("add-user").addEventListener("submit", async e => {
  e.preventDefault();
  const form = e.target, added = document.getElementById("added");
  try {
    const made = await SW.api("/users", { method: "POST", json: { name: form.elements.name.value.trim(), role: form.elements.role.value } });
    added.className = "ok";
    added.innerHTML = `${SW.esc(made.user)} (${SW.esc(made.role)}) added. Their token, shown only now: <code id="new-token">${SW.esc(made.token)}</code>`;
    form.reset();
    document.body.dataset.ready = "false";
    await load();
  } catch (err) {
    added.className = "error";
    added.textContent = err.message;
  }
});

SW.header("/users").then(load);
// signing in or out changes what this page may show
document.getElementById("sw-header").addEventListener("click", e => {
  if (e.target.matches("#sw-login, #sw-logout")) setTimeout(load, 0);
});
