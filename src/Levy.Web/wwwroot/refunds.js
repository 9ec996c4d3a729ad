// The refund page: sends the export to POST /api/v1/refunds/analyze and shows what comes back. No framework, no CDN.
const $ = (id) => document.getElementById(id);
const usd = (n) => n.toLocaleString("en-US", { style: "currency", currency: "USD" });
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const svgNs = "http://www.w3.org/2000/svg";

function status(text, error = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", error);
}

function cell(row, text, numeric = false) {
  const td = document.createElement("td");
  td.textContent = text;
  if (numeric) td.className = "num";
  row.appendChild(td);
  return td;
}

function fill(tbody, items, render) {
  tbody.replaceChildren();
  for (const item of items) {
    const tr = document.createElement("tr");
    render(tr, item);
    tbody.appendChild(tr);
  }
}

function chart(rows) {
  const width = 720, height = 240, left = 60, bottom = 40, top = 10;
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "IEEPA duty paid by month of entry");
  const max = Math.max(1, ...rows.map((r) => r.ieepaPaid));
  const band = (width - left) / Math.max(1, rows.length);
  rows.forEach((r, i) => {
    let y = height - bottom;
    for (const [amount, css] of [[r.phase1, "phase1"], [r.protest, "protest"], [r.ieepaPaid - r.phase1 - r.protest, "final"]]) {
      if (amount <= 0) continue;
      const h = (amount / max) * (height - top - bottom);
      y -= h;
      const rect = document.createElementNS(svgNs, "rect");
      rect.setAttribute("class", `bar ${css}`);
      rect.setAttribute("x", (left + i * band + band * 0.15).toFixed(1));
      rect.setAttribute("y", y.toFixed(1));
      rect.setAttribute("width", (band * 0.7).toFixed(1));
      rect.setAttribute("height", h.toFixed(1));
      const title = document.createElementNS(svgNs, "title");
      title.textContent = `${r.key}: ${usd(amount)}`;
      rect.appendChild(title);
      svg.appendChild(rect);
    }
    const label = document.createElementNS(svgNs, "text");
    label.setAttribute("x", (left + i * band + band / 2).toFixed(1));
    label.setAttribute("y", height - bottom + 14);
    label.setAttribute("text-anchor", "middle");
    label.textContent = r.key.slice(2);
    svg.appendChild(label);
  });
  const axis = document.createElementNS(svgNs, "text");
  axis.setAttribute("x", 0);
  axis.setAttribute("y", top + 10);
  axis.textContent = usd(max).replace(/\.\d\d$/, "");
  svg.appendChild(axis);
  $("refund-chart").replaceChildren(svg);
}

function show(a) {
  const total = a.byMonth.total;
  $("ieepa-paid").textContent = usd(total.ieepaPaid);
  $("phase1-paid").textContent = usd(total.phase1);
  $("protest-paid").textContent = usd(total.protest);
  $("interest").textContent = usd(total.interest);
  const i = a.import;
  $("import-summary").textContent = `${i.rows.toLocaleString("en-US")} rows: ${i.linesAdded.toLocaleString("en-US")} lines added, ` +
    `${i.linesUpdated.toLocaleString("en-US")} updated, ${i.linesUnchanged.toLocaleString("en-US")} unchanged, ${i.errorRows.toLocaleString("en-US")} rows with errors` +
    (a.stored ? " — kept in the ledger." : " — processed and not kept.");
  const errors = $("row-errors");
  errors.hidden = i.errors.length === 0;
  errors.querySelector("ul").replaceChildren(...i.errors.slice(0, 50).map((e) => {
    const li = document.createElement("li");
    li.textContent = `${e.file}, line ${e.line}, ${e.field} "${e.value ?? ""}": ${e.message}`;
    return li;
  }));
  chart(a.byMonth.rows);
  fill($("deadlines").tBodies[0], a.deadlines.entries, (tr, c) => {
    cell(tr, c.nextDeadline);
    cell(tr, c.entry);
    cell(tr, usd(c.ieepaPaid), true);
    cell(tr, c.liquidation + (c.liquidationEstimated ? " (est.)" : ""));
    cell(tr, c.standing);
    cell(tr, c.nextDeadlineWhat ?? "");
  });
  fill($("flags").tBodies[0], a.check.flags, (tr, f) => {
    cell(tr, f.flag);
    cell(tr, f.lines.toLocaleString("en-US"), true);
    cell(tr, f.reason);
  });
  fill($("flagged").tBodies[0], a.check.lines, (tr, l) => {
    cell(tr, l.entry);
    cell(tr, String(l.line));
    cell(tr, l.hts);
    cell(tr, l.origin);
    cell(tr, l.flags.join(", "));
    cell(tr, usd(l.ieepaPaid), true);
    cell(tr, l.ieepaLaw == null ? "?" : usd(l.ieepaLaw), true);
  });
  $("declarations").replaceChildren(...a.declarations.map((d) => {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(["Entry Number\r\n" + d.entries.join("\r\n") + "\r\n"], { type: "text/csv" }));
    link.download = d.name;
    link.textContent = d.name;
    li.append(link, ` — ${d.entries.length.toLocaleString("en-US")} entries, ${usd(d.ieepaPaid)} IEEPA paid`);
    return li;
  }));
  if (a.declarations.length === 0) {
    const li = document.createElement("li");
    li.textContent = "No entry is in CAPE Phase 1 on this date.";
    $("declarations").appendChild(li);
  }
  $("refund-result").hidden = false;
}

$("upload").addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = $("file").files[0];
  if (!file) {
    status("Choose an ES-003 export first.", true);
    return;
  }
  const query = new URLSearchParams({ name: file.name, store: $("store").checked ? "true" : "false" });
  if ($("as-of").value) query.set("asOf", $("as-of").value);
  status(`Checking ${file.name}…`);
  $("refund-result").hidden = true;
  try {
    const response = await fetch(`/api/v1/refunds/analyze?${query}`, {
      method: "POST",
      headers: { "Content-Type": file.name.toLowerCase().endsWith(".xlsx") ? xlsxType : "text/csv" },
      body: file,
    });
    const body = await response.json();
    if (!response.ok) {
      status(body.detail ?? body.title ?? `The server answered ${response.status}.`, true);
      return;
    }
    show(body);
    status(`${file.name}: ${body.import.linesChecked.toLocaleString("en-US")} lines checked.`);
  } catch (e) {
    status(`The check failed: ${e.message}`, true);
  }
});
