// The incident map: bundled boundaries and city names as the only base layer (no tiles, no
// network), incidents as circles coloured by grade and outlined by event type, gathered into
// clusters that split as the analyst zooms in, filters sent to the API, a timeline over the days.
"use strict";
const GRADE_COLOURS = { confirmed: "#1e7e34", fair: "#2271b1", weak: "#996800", contested: "#b32d2e", discounted: "#787c82" };
// The outline says how the strike was delivered, so that colour stays free for the grade.
const EVENT_OUTLINES = { air: null, shelling: "4 3", unknown: "1 3" };
const MAX_POINTS = 5000;
const CLUSTER_CELL_PX = 56;   // incidents closer than this on screen are drawn as one cluster
const SPLIT_ZOOM = 10;        // from here on every incident is its own marker
const FIT_MAX_ZOOM = 9;       // zooming to a filter stops here so that a single town keeps its context
const form = document.getElementById("filters");
const map = L.map("map", { attributionControl: true, minZoom: 2, maxZoom: 13 }).setView([34.8, 38.5], 6);
map.attributionControl.setPrefix("Leaflet").addAttribution("Boundaries: Natural Earth · Places: GeoNames");
const markers = L.layerGroup().addTo(map);
const placeLabels = L.layerGroup().addTo(map);
let places = [];
let incidents = [];
let total = 0;
let days = [];

async function drawBoundaries() {
  const { layers } = await SW.api("/boundaries");
  for (const layer of layers) {
    const country = layer.name.startsWith("admin0");
    const data = await (await fetch(layer.url)).json();
    L.geoJSON(data, {
      interactive: false,
      style: country ? { color: "#646970", weight: 1.2, fillColor: "#fbfbf8", fillOpacity: 1 }
                     : { color: "#8c8f94", weight: 0.6, dashArray: "3 3", fill: false },
    }).addTo(map);
  }
  markers.eachLayer(m => m.bringToFront && m.bringToFront());
}

function option(select, value, label) {
  const o = document.createElement("option");
  o.value = value; o.textContent = label; select.appendChild(o);
}

async function fillChoices() {
  const f = await SW.api("/incidents/facets");
  f.countries.forEach(c => option(form.country, c, c));
  f.attackers.forEach(([code, name]) => option(form.attacker, code || name, code ? `${name} (${code})` : name));
  f.targets.forEach(t => option(form.target, t, t));
  f.grades.forEach(g => option(form.grade, g, g));
  f.event_types.forEach(t => option(form.event_type, t, t));
  form.region.dataset.all = JSON.stringify(f.regions);
  fillRegions();
  return f.event_types;
}

function fillRegions() {
  const keep = form.region.value;
  form.region.length = 1;
  for (const [country, region] of JSON.parse(form.region.dataset.all || "[]"))
    if (region && (!form.country.value || form.country.value === country)) option(form.region, region, `${region} (${country})`);
  form.region.value = keep;
}

function filters() {
  return Object.fromEntries(new FormData(form).entries());
}

function restore() {
  const params = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && params.has(el.name)) el.value = params.get(el.name);
}

async function load() {
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  history.replaceState(null, "", "/map" + SW.query(filters()));
  try {
    incidents = [];
    let offset = 0;
    while (offset !== null && incidents.length < MAX_POINTS) {
      const page = await SW.api("/incidents" + SW.query(Object.assign(filters(), { limit: 500, offset })));
      incidents.push(...page.items);
      offset = page.next_offset;
      total = page.total;
    }
  } catch (e) {
    status.textContent = e.message; status.className = "error"; return;
  }
  status.className = "muted";
  days = [...new Set(incidents.map(i => i.date).filter(Boolean))].sort();
  const slider = document.getElementById("timeline");
  slider.max = Math.max(days.length - 1, 0);
  slider.value = slider.max;
  render();
  zoomToIncidents(incidents);
}

/** After a filter changes the analyst wants to see what it selected, wherever it is. */
function zoomToIncidents(list) {
  const points = list.map(i => i.location || {}).filter(l => l.lat != null && l.lon != null).map(l => [l.lat, l.lon]);
  if (!points.length) return;
  map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: FIT_MAX_ZOOM, animate: false });
}

/** The day the timeline's slider is on (null when no incident is dated). */
function timelineDay() {
  return days.length ? days[Number(document.getElementById("timeline").value)] : null;
}

function visible() {
  const windowDays = document.getElementById("window").value;
  if (!days.length) return incidents;
  const day = timelineDay();
  let from = null;
  if (windowDays !== "all") {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - Number(windowDays));
    from = d.toISOString().slice(0, 10);
  }
  document.getElementById("timeline-label").textContent = (from && from !== day ? `${from} to ` : windowDays === "all" ? "up to " : "") + day;
  if (window.SWGround) SWGround.day(day);
  return incidents.filter(i => !i.date || (i.date <= day && (!from || i.date >= from)));
}

/** The table and the count above it follow the filters and the timeline; the markers too. */
function render() {
  const shown = visible();
  if (window.SWDensity && SWDensity.on()) {
    markers.clearLayers();
    SWDensity.draw(incidents, timelineDay());
  } else {
    if (window.SWDensity) SWDensity.clear();
    drawMarkers(shown);
  }
  updateLegend();
  document.querySelector("#incidents tbody").innerHTML = shown.map(tableRow).join("");
  showCount(shown.length);
}

function showCount(shownCount) {
  const status = document.getElementById("status");
  status.className = "muted";
  let text = `${total} incident${total === 1 ? "" : "s"}`;
  if (shownCount !== incidents.length) text = `${shownCount} of ${text} on the timeline's days`;
  if (total > MAX_POINTS) text += ` (the first ${MAX_POINTS} loaded)`;
  status.textContent = text;
  status.dataset.count = shownCount;
}

function tableRow(inc) {
  const loc = inc.location || {};
  return `<tr data-id="${SW.esc(inc.id)}"><td>${SW.esc(inc.date || "–")}</td>
      <td><a href="/incident/${encodeURIComponent(inc.id)}">${SW.esc(loc.name || "unplaced")}</a></td>
      <td class="region">${SW.esc(loc.admin1 || "")}</td><td>${SW.esc(SW.attacker(inc.attacker))}</td>
      <td>${SW.esc(inc.targets.map(t => t.name || t.category).join(", "))}</td>
      <td>${SW.esc(SW.range({ min: inc.fatalities.min, max: inc.fatalities.max }))}</td>
      <td>${SW.grade(inc.grade)}</td><td>${inc.mention_count}</td></tr>`;
}

function popup(inc) {
  const f = inc.fatalities || {};
  const civilians = f.civilians_min != null || f.civilians_max != null
    ? ` (civilians ${SW.esc(SW.range({ min: f.civilians_min, max: f.civilians_max }))})` : "";
  return `<b>${SW.esc(inc.date || "undated")}</b> ${SW.esc(SW.place(inc.location))}<br>` +
    `<span class="popup-type">${SW.esc(inc.event_type || "unknown")}</span> · ${SW.esc(SW.attacker(inc.attacker))}<br>` +
    `killed: <span class="popup-toll">${SW.esc(SW.range(inc.fatalities))}</span>${civilians} · ${SW.grade(inc.grade)}<br>` +
    `<a href="/incident/${encodeURIComponent(inc.id)}">incident and its sources</a>`;
}

function incidentMarker(inc, latlng) {
  const circle = L.circleMarker(latlng, {
    radius: 5 + Math.min(10, Math.sqrt(inc.mention_count || 1) * 2),
    color: "#1d2327", weight: 1.5, dashArray: EVENT_OUTLINES[inc.event_type] || null,
    fillColor: (window.SWGround && SWGround.colour(inc)) || GRADE_COLOURS[inc.grade] || "#000", fillOpacity: 0.8,
  });
  return circle.bindPopup(popup(inc));
}

/** Grid clustering in screen pixels at the current zoom: cheap, stable and enough for a few
 * thousand points. A click on a cluster zooms to its incidents. */
function drawMarkers(shown) {
  markers.clearLayers();
  const placed = shown.filter(i => i.location && i.location.lat != null && i.location.lon != null);
  const cells = new Map();
  const split = map.getZoom() >= SPLIT_ZOOM;
  for (const inc of placed) {
    const p = map.project([inc.location.lat, inc.location.lon]);
    const key = split ? inc.id : `${Math.floor(p.x / CLUSTER_CELL_PX)}:${Math.floor(p.y / CLUSTER_CELL_PX)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(inc);
  }
  const atSamePoint = new Map();
  for (const inc of placed) {
    const key = `${inc.location.lat},${inc.location.lon}`;
    if (!atSamePoint.has(key)) atSamePoint.set(key, []);
    atSamePoint.get(key).push(inc);
  }
  let clusters = 0;
  for (const members of cells.values()) {
    if (members.length === 1) { drawSingle(members[0], atSamePoint.get(`${members[0].location.lat},${members[0].location.lon}`)); continue; }
    clusterMarker(members).addTo(markers);
    clusters += 1;
  }
  const el = document.getElementById("map");
  el.dataset.markers = placed.length;
  el.dataset.clusters = clusters;
  el.dataset.singles = cells.size - clusters;
}

/** Incidents geocoded to the same centroid would hide each other even fully zoomed in, so
 * each is set on a small ring around it, in screen pixels. */
function drawSingle(inc, same) {
  let latlng = L.latLng(inc.location.lat, inc.location.lon);
  if (same.length > 1) {
    const angle = (2 * Math.PI * same.indexOf(inc)) / same.length;
    const p = map.project(latlng).add(L.point(Math.cos(angle), Math.sin(angle)).multiplyBy(14 + same.length));
    latlng = map.unproject(p);
  }
  incidentMarker(inc, latlng).addTo(markers);
}

function clusterMarker(members) {
  const lat = members.reduce((a, i) => a + i.location.lat, 0) / members.length;
  const lon = members.reduce((a, i) => a + i.location.lon, 0) / members.length;
  const size = members.length < 10 ? "small" : members.length < 100 ? "medium" : "large";
  const icon = L.divIcon({ className: `sw-cluster sw-cluster-${size}`, html: `<span>${members.length}</span>`, iconSize: null });
  const marker = L.marker([lat, lon], { icon, title: `${members.length} incidents: click to zoom in`, keyboard: true });
  marker.on("click", () => {
    const bounds = L.latLngBounds(members.map(i => [i.location.lat, i.location.lon]));
    const zoom = Math.min(Math.max(map.getBoundsZoom(bounds.pad(0.2)), map.getZoom() + 2), SPLIT_ZOOM);
    map.setView(bounds.getCenter(), zoom, { animate: false });
  });
  return marker;
}

/** The legend explains what colour and outline mean. Its fill section follows the view: the
 * grades, or who held the ground when markers are coloured by control, or the density ramp
 * (which replaces the markers, so the outline and cluster rows go with them). */
function addLegend(eventTypes) {
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "sw-legend");
    div.id = "legend";
    div.innerHTML = `<div id="legend-fill"></div><div id="legend-markers"><b>Event type (outline)</b>` +
      eventTypes.map(t => `<div class="legend-type"><i class="swatch outline-${SW.esc(t)}"></i>${SW.esc(t)}</div>`).join("") +
      `<div class="legend-cluster"><i class="sw-cluster sw-cluster-small swatch-cluster"><span>n</span></i>cluster of n: click to zoom</div></div>`;
    return div;
  };
  legend.addTo(map);
  updateLegend();
}

function legendRows(title, rows, rowClass) {
  const box = document.createElement("div");
  box.innerHTML = `<b>${SW.esc(title)}</b>`;
  for (const row of rows) {
    const line = document.createElement("div");
    line.className = rowClass;
    const swatch = document.createElement("i");
    swatch.className = "swatch" + (row.className ? " " + row.className : "");
    if (row.colour) swatch.style.background = row.colour;  // CSSOM: allowed by the page's CSP
    line.append(swatch, row.label);
    box.appendChild(line);
  }
  return box;
}

function updateLegend() {
  const fill = document.getElementById("legend-fill");
  if (!fill) return;
  const density = window.SWDensity && SWDensity.on();
  const ground = !density && window.SWGround && SWGround.legend(incidents);
  let section;
  if (density) section = legendRows("Incidents per cell, that week", SWDensity.legend(), "legend-density");
  else if (ground) section = legendRows("Ground (who held it that day)", ground, "legend-ground");
  else section = legendRows("Grade", Object.keys(GRADE_COLOURS).map(g => ({ className: `grade-${g}`, label: g })), "legend-grade");
  fill.replaceChildren(section);
  document.getElementById("legend-markers").hidden = Boolean(density);
}

/** City names drawn as labels: capitals from afar, large cities as the analyst zooms in; a
 * name that would overlap one already drawn is left out rather than made unreadable. */
async function loadPlaces() {
  const data = await (await fetch("/static/places.geojson")).json();
  places = data.features;
  drawPlaceLabels();
}

function drawPlaceLabels() {
  placeLabels.clearLayers();
  const zoom = map.getZoom();
  const minPopulation = zoom >= 8 ? 0 : zoom >= 6 ? 400000 : zoom >= 4 ? 2000000 : Infinity;
  const bounds = map.getBounds().pad(0.1);
  const taken = [];  // screen boxes of the labels drawn so far: capitals and larger cities first
  for (const f of places) {
    const { name, capital, population } = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    if (!(capital || population >= minPopulation) || !bounds.contains([lat, lon])) continue;
    const p = map.latLngToLayerPoint([lat, lon]);
    const box = L.bounds([p.x - 4, p.y - 8], [p.x + 10 + 7 * name.length, p.y + 8]);
    if (taken.some(b => b.intersects(box))) continue;
    taken.push(box);
    const icon = L.divIcon({ className: capital ? "sw-place sw-capital" : "sw-place", html: SW.esc(name), iconSize: null });
    L.marker([lat, lon], { icon, interactive: false, keyboard: false }).addTo(placeLabels);
  }
  document.getElementById("map").dataset.places = placeLabels.getLayers().length;
}

form.addEventListener("submit", e => { e.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(() => { fillRegions(); load(); }));
form.country.addEventListener("change", fillRegions);
document.getElementById("timeline").addEventListener("input", render);
document.getElementById("window").addEventListener("change", render);
map.on("zoomend", () => { render(); drawPlaceLabels(); });
map.on("moveend", () => {
  drawPlaceLabels();
  const c = map.getCenter();  // what the view shows, for whoever reads the page (and its tests)
  document.getElementById("map").dataset.view = `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${map.getZoom()}`;
});

(async () => {
  SW.header("/map");
  const eventTypes = await fillChoices();
  addLegend(eventTypes);
  restore();
  fillRegions();
  restore();
  await load();
  await drawBoundaries();
  await loadPlaces();
  document.body.dataset.ready = "true";
})();
