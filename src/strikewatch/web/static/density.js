// Where strikes concentrate, week by week: the incidents of the seven days up to the
// timeline's day (after the filters) counted on a square grid of screen cells, each cell
// shaded by its count. It replaces the markers while it is on; moving the slider moves the
// week, changing a filter or the zoom recounts. Plain Leaflet rectangles: nothing fetched.
"use strict";
const DENSITY_CELL_PX = 40;
const DENSITY_RAMP = ["#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"];
window.SWDensity = (() => {
  const toggle = document.getElementById("density");
  const label = document.getElementById("density-label");
  const layer = L.layerGroup();
  let most = 0;  // the week's busiest cell, the top of the legend's ramp

  /** The seven days ending on ``day`` (inclusive), as ISO dates. */
  function weekUpTo(day) {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 6);
    return [d.toISOString().slice(0, 10), day];
  }

  function countCells(list) {
    const cells = new Map();
    for (const inc of list) {
      const p = map.project([inc.location.lat, inc.location.lon]);
      const cx = Math.floor(p.x / DENSITY_CELL_PX), cy = Math.floor(p.y / DENSITY_CELL_PX);
      const key = `${cx}:${cy}`;
      if (!cells.has(key)) cells.set(key, { cx, cy, count: 0 });
      cells.get(key).count += 1;
    }
    return [...cells.values()];
  }

  /** The shades in use: one per count when the busiest cell holds fewer incidents than the
   * ramp has shades (so no shade stands for a count nobody has), else the whole ramp. */
  function shadesUpTo(top) {
    const n = Math.max(1, Math.min(top, DENSITY_RAMP.length));
    if (n === 1) return [DENSITY_RAMP[0]];
    return Array.from({ length: n }, (_, i) => DENSITY_RAMP[Math.round((i * (DENSITY_RAMP.length - 1)) / (n - 1))]);
  }

  /** The shade of a count: the shades spread evenly from 1 to the week's busiest cell. */
  function shade(count, top) {
    const shades = shadesUpTo(top);
    return top <= 1 ? shades[0] : shades[Math.round(((count - 1) / (top - 1)) * (shades.length - 1))];
  }

  function drawCell(cell, most, week) {
    const corner = (x, y) => map.unproject(L.point(x * DENSITY_CELL_PX, y * DENSITY_CELL_PX));
    const colour = shade(cell.count, most);
    L.rectangle(L.latLngBounds(corner(cell.cx, cell.cy), corner(cell.cx + 1, cell.cy + 1)), {
      color: colour, weight: 1, fillColor: colour, fillOpacity: 0.65, className: "sw-density-cell",
    }).bindTooltip(`${cell.count} incident${cell.count === 1 ? "" : "s"}, ${week[0]} to ${week[1]}`).addTo(layer);
  }

  /** Draw the week up to ``day`` of ``list`` (the filtered incidents); undated ones are left
   * out, since no week holds them. */
  function draw(list, day) {
    layer.clearLayers().addTo(map);
    const el = document.getElementById("map");
    if (!day) { most = 0; label.textContent = "no dated incidents to count"; el.dataset.densityCells = 0; return; }
    const week = weekUpTo(day);
    const inWeek = list.filter(i => i.date && i.date >= week[0] && i.date <= week[1]
      && i.location && i.location.lat != null && i.location.lon != null);
    const cells = countCells(inWeek);
    most = Math.max(0, ...cells.map(c => c.count));
    cells.forEach(c => drawCell(c, most, week));
    label.textContent = `week ${week[0]} to ${week[1]}: ${inWeek.length} placed incident${inWeek.length === 1 ? "" : "s"}, at most ${most} in one cell`;
    Object.assign(el.dataset, { densityCells: cells.length, densityCount: inWeek.length, densityMost: most, densityWeek: week.join("/") });
  }

  return {
    on() { return toggle.checked; },
    draw,
    clear() { layer.remove(); label.textContent = ""; delete document.getElementById("map").dataset.densityCells; },
    /** The legend's rows: the ramp from one incident a cell to the week's most. */
    legend() {
      if (!most) return [];
      const shades = shadesUpTo(most), each = shades.length === most;
      const count = i => (each ? i + 1 : i === 0 ? 1 : i === shades.length - 1 ? most : null);
      return shades.map((colour, i) => ({ colour, label: count(i) == null ? "" : `${count(i)} incident${count(i) === 1 ? "" : "s"}` }));
    },
  };
})();
document.getElementById("density").addEventListener("change", () => render());
