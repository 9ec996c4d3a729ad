// Levy's page: search a product, pick an origin and a date, and see the duties with their Chapter 99 headings, legal
// citations and the rate over 2025-2026. Plain ES module, no dependencies; it talks only to this server's /api/v1.
// The query lives in the URL (?product=&origin=&date=&scenario=), so a result can be shared and reloaded. "What if"
// quotes the same goods under a scenario of the rulebook too, next to what happened, and draws its line on the chart.

const SVG = 'http://www.w3.org/2000/svg';
const $ = (selector) => document.querySelector(selector);

const ui = {
  form: $('#query'),
  product: $('#product'),
  suggestions: $('#product-suggestions'),
  origin: $('#origin'),
  countries: $('#countries'),
  date: $('#date'),
  scenario: $('#scenario'),
  status: $('#status'),
  result: $('#result'),
};

const AUTHORITIES = {
  Mfn: 'Ordinary duty (MFN)',
  Section232: 'Section 232',
  Section301: 'Section 301',
  IeepaFentanyl: 'IEEPA (fentanyl)',
  IeepaReciprocal: 'IEEPA (reciprocal)',
  Section122: 'Section 122',
  Section201: 'Section 201',
  Other: 'Other Chapter 99',
};

/** An answer of the API that is not 2xx; `problem` is its RFC 9457 document when it sent one. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, signal) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
const percent = (value) => (value == null ? '—' : `${Number(value).toLocaleString('en-US', { maximumFractionDigits: 3 })}%`);
const points = (value) => (value == null ? '—' : value === 0 ? '±0 pts'
  : `${value > 0 ? '+' : '−'}${Math.abs(Number(value)).toLocaleString('en-US', { maximumFractionDigits: 3 })} pts`);
const trend = (value) => (value == null || value === 0 ? 'same' : value > 0 ? 'up' : 'down');
const isCode = (text) => /^\d{4}(?:[.\s-]?\d{2}){0,3}$/.test(text.trim());

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c != null && c !== false));
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// State: what is chosen, and the catalogue of countries and dates.

const state = { product: null, countries: [], scenarios: [], firstDate: '2025-01-01', horizon: '2026-12-31', request: null };

function setStatus(message, isError = false) {
  ui.status.textContent = message;
  ui.status.classList.toggle('error', isError);
  ui.status.setAttribute('role', isError ? 'alert' : 'status');
}

function markInvalid(field) {
  for (const input of [ui.product, ui.origin, ui.date, ui.scenario]) input.removeAttribute('aria-invalid');
  const input = { product: ui.product, code: ui.product, origin: ui.origin, key: ui.origin, date: ui.date, scenario: ui.scenario, base: ui.scenario }[field];
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Product suggestions: a combobox over /api/v1/search (words or a code prefix), 10-digit lines only.

let suggestTimer = 0;
let suggestAbort = null;
let active = -1;

function optionsOf() {
  return [...ui.suggestions.querySelectorAll('[role="option"]')];
}

function closeSuggestions() {
  ui.suggestions.hidden = true;
  ui.suggestions.replaceChildren();
  ui.product.setAttribute('aria-expanded', 'false');
  ui.product.removeAttribute('aria-activedescendant');
  active = -1;
}

function highlight(index) {
  const options = optionsOf();
  if (options.length === 0) return;
  active = (index + options.length) % options.length;
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
  ui.product.setAttribute('aria-activedescendant', options[active].id);
  options[active].scrollIntoView({ block: 'nearest' });
}

function shortPath(path) {
  return path.length <= 110 ? path : `…${path.slice(-109)}`;
}

function choose(code, label) {
  state.product = code;
  ui.product.value = label ? `${code} ${label}` : code;
  ui.product.removeAttribute('aria-invalid');
  closeSuggestions();
}

async function suggest() {
  const text = ui.product.value.trim();
  state.product = null;
  if (text.length < 2) {
    closeSuggestions();
    return;
  }
  suggestAbort?.abort();
  suggestAbort = new AbortController();
  try {
    const report = await api(`/api/v1/search?${query({ q: text, date: ui.date.value, limit: 8, statistical: true })}`, suggestAbort.signal);
    ui.suggestions.replaceChildren(...report.results.map((r, i) => {
      const option = el('li', { role: 'option', id: `suggestion-${i}`, 'aria-selected': 'false', 'data-code': r.code, 'data-label': r.description },
        el('span', { class: 'code' }, r.code), ' ',
        el('span', { class: 'path' }, shortPath(r.path)),
        r.general ? el('span', { class: 'general' }, ` ${r.general}`) : null);
      option.addEventListener('mousedown', (e) => {
        e.preventDefault(); // keep the focus in the box
        choose(r.code, shortPath(r.path));
      });
      return option;
    }));
    const any = report.results.length > 0;
    ui.suggestions.hidden = !any;
    ui.product.setAttribute('aria-expanded', String(any));
    active = -1;
  } catch (e) {
    if (e.name !== 'AbortError') closeSuggestions();
  }
}

ui.product.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, 150);
});

ui.product.addEventListener('keydown', (e) => {
  const open = !ui.suggestions.hidden;
  if (e.key === 'ArrowDown' && open) {
    e.preventDefault();
    highlight(active + 1);
  } else if (e.key === 'ArrowUp' && open) {
    e.preventDefault();
    highlight(active - 1);
  } else if (e.key === 'Enter' && open && active >= 0) {
    e.preventDefault();
    const option = optionsOf()[active];
    choose(option.dataset.code, shortPath(option.querySelector('.path').textContent));
  } else if (e.key === 'Escape' && open) {
    closeSuggestions();
  }
});

ui.product.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

// ---------------------------------------------------------------------------------------------------------------
// Origin: a datalist of every country; what was typed is resolved by the server when it is not an exact name or code.

function localCountry(text) {
  const t = text.trim().toLowerCase();
  return state.countries.find((c) => c.name.toLowerCase() === t || c.iso.toLowerCase() === t || c.censusCode === t) ?? null;
}

async function resolveOrigin(text) {
  const known = localCountry(text);
  if (known) return known;
  return api(`/api/v1/countries/${encodeURIComponent(text.trim())}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering a quote, a line and a history.

function renderQuote(q) {
  $('#result-title').textContent = `${q.product} from ${q.originName}, entered ${q.entryDate}`;
  $('#result-description').textContent = q.description;
  $('#total').textContent = q.totalPercent == null ? 'needs a customs value or quantity' : percent(q.totalPercent);
  const choices = q.choices ?? [];
  $('#choices').hidden = choices.length === 0;
  $('#choices').replaceChildren(...choices.map((c) => el('li', {},
    el('strong', {}, 'Choice: '),
    `${percent(c.assumedPercent)} as quoted, which assumes the importer does not certify: ${c.description} `,
    `Certified (declare `, el('code', {}, c.condition), `): ${percent(c.declaredPercent)} (${c.source}).`)));
  const declare = $('#declare');
  declare.replaceChildren('Declare: ', ...[...q.chapter99, q.product].flatMap((code, i) => [i > 0 ? ' + ' : null, el('code', {}, code)]).filter(Boolean));
  $('#components tbody').replaceChildren(...q.components.map((c) => el('tr', { class: c.kind === 'Exemption' ? 'exemption' : null },
    el('td', {}, el('code', {}, c.heading ?? q.product)),
    el('td', {}, AUTHORITIES[c.authority] ?? c.authority, el('br'), el('span', { class: 'program' }, c.program)),
    el('td', { class: 'num' }, percent(c.percent)),
    el('td', {}, c.explanation, el('br'), el('cite', {}, c.citation), el('br'), el('span', { class: 'printed' }, `As printed: “${c.printedRate}”.`)))));
  $('#governing').textContent = `Read from HTS ${q.revisionName}, the text that governs ${q.entryDate}.`;
  // Said out loud: a date after the newest revision Levy has may have been changed by revisions published since.
  const notice = $('#data-notice');
  notice.textContent = q.stale ? q.dataNotice : '';
  notice.hidden = !q.stale;
  const list = (id, items) => {
    const details = $(id);
    details.hidden = items.length === 0;
    details.querySelector('ul').replaceChildren(...items.map((t) => el('li', {}, t)));
  };
  list('#not-applied', q.notApplied.map((n) => `${n.heading ?? n.measure}: ${n.reason}`));
  list('#assumptions', q.assumptions);
  $('#quote').hidden = false;
}

/** Shows the quote under a scenario next to what happened: both totals, the change, and each authority's part. */
function renderWhatIf(c) {
  const scenario = state.scenarios.find((x) => x.id === c.scenario);
  const title = scenario?.title ?? c.scenario;
  $('#whatif-name').textContent = title;
  $('#scenario-side-label').textContent = title;
  $('#actual-total').textContent = percent(c.baselineTotalPercent);
  $('#scenario-total').textContent = percent(c.scenarioTotalPercent);
  const difference = $('#difference');
  difference.textContent = points(c.differencePoints);
  difference.parentElement.className = `side difference ${trend(c.differencePoints)}`;
  const headings = (list) => list.flatMap((h, i) => [i > 0 ? ' ' : null, el('code', {}, h)]).filter(Boolean);
  $('#whatif-authorities tbody').replaceChildren(...c.authorities.map((a) => {
    const moved = a.baselineHeadings.join() !== a.scenarioHeadings.join();
    return el('tr', { class: a.changed ? `changed ${trend(a.difference)}` : null },
      el('th', { scope: 'row' }, AUTHORITIES[a.authority] ?? a.authority,
        moved ? el('span', { class: 'headings-change' }, ...headings(a.baselineHeadings), a.baselineHeadings.length ? ' → ' : '', ...headings(a.scenarioHeadings)) : null),
      el('td', { class: 'num', 'data-label': 'Happened' }, percent(a.baseline)),
      el('td', { class: 'num', 'data-label': 'Scenario' }, percent(a.scenario)),
      el('td', { class: 'num delta', 'data-label': 'Change' }, points(a.difference)));
  }));
  const q = c.scenarioQuote;
  $('#whatif-declare').replaceChildren('Declare under the scenario: ', ...[...q.chapter99, q.product].flatMap((code, i) => [i > 0 ? ' + ' : null, el('code', {}, code)]).filter(Boolean));
  $('#whatif-summary').textContent = scenario?.summary ?? '';
  $('#whatif-changes').replaceChildren(...(scenario?.changes ?? []).map((t) => el('li', {}, t)));
  $('#whatif-sources').replaceChildren(...(scenario?.sources ?? []).map((t) => el('li', {}, t)));
  $('#whatif').hidden = false;
}

function renderLine(line) {
  const body = $('#line .line-body');
  const cell = (name, c) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, c ? c.printed : '(blank)'), el('td', {}, c ? c.meaning : ''));
  body.replaceChildren(
    el('p', {}, line.governsFrom
      ? `${line.code} in HTS ${line.revisionName}, the text that governs entries ${line.governsFrom} to ${line.governsUntil} (published ${line.inForceFrom}).`
      : `${line.code} in HTS ${line.revisionName} (published ${line.inForceFrom}; editorial, it governs no entry date).`),
    line.revisionNote ? el('p', { class: 'hint' }, line.revisionNote) : null,
    el('ol', { class: 'path' }, ...line.descriptionPath.map((d) => el('li', {}, d))),
    el('p', {}, `Units: ${line.units.length ? line.units.join(', ') : '(none)'}`),
    el('div', { class: 'table-wrap' }, el('table', { class: 'columns' },
      el('caption', {}, line.rateSource && line.rateSource !== line.code ? `Rates printed on ${line.rateSource}` : 'Rates'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Column'), el('th', { scope: 'col' }, 'As printed'), el('th', { scope: 'col' }, 'Read as'))),
      el('tbody', {}, cell('General', line.general), cell('Special', line.special), cell('Column 2', line.column2)))),
    line.chapter99.length === 0 ? null : el('div', {},
      el('p', {}, 'Chapter 99 headings named in its footnotes (they apply only where their own terms are met):'),
      el('ul', { class: 'headings' }, ...line.chapter99.map((h) => el('li', {},
        el('code', {}, h.code), ` ${h.general ?? '(no rate)'}`, h.description ? el('span', { class: 'scope' }, ` ${h.description}`) : null)))));
}

const DAY = 86_400_000;
const time = (iso) => Date.parse(`${iso}T00:00:00Z`);

/** The SVG path of a history's totals as a step line (a gap where the code is not printed). */
function stepPath(history, x, y) {
  let path = '';
  let previous = null;
  for (const s of history.segments) {
    if (s.totalPercent == null) {
      previous = null;
      continue;
    }
    const x1 = x(time(s.from)), x2 = x(time(s.to) + DAY), yy = y(s.totalPercent);
    path += previous == null ? `M${x1.toFixed(1)},${yy.toFixed(1)}` : `V${yy.toFixed(1)}`;
    path += `H${x2.toFixed(1)}`;
    previous = s.totalPercent;
  }
  return path;
}

const totalOn = (history, day) => history?.segments.find((s) => s.from <= day && day <= s.to)?.totalPercent;

function eventItems(history) {
  return history.segments.map((s) => el('li', {},
    el('time', { datetime: s.from }, s.from), ` to ${s.to}: `, el('strong', {}, s.totalPercent == null ? (s.problem ?? '—') : percent(s.totalPercent)),
    s.chapter99.length ? ` (${s.chapter99.join(', ')})` : null,
    s.revisions ? el('span', { class: 'revisions' }, ` · HTS ${s.revisions}`) : null,
    s.event ? el('span', { class: 'event-text' }, ` — ${s.event}`) : null));
}

/** Draws the total rate over time as a step line in inline SVG, with a marker at each change and at the chosen date;
 * with a scenario's history, its line too (dashed), on the same scale. */
function renderChart(history, chosen, alternative) {
  const box = $('#chart');
  $('#history').hidden = false; // measure the box while it is shown
  const width = Math.max(300, Math.min(box.clientWidth || 640, 900));
  const narrow = width < 520;
  const height = narrow ? 200 : 240;
  const pad = { left: 44, right: 12, top: 14, bottom: 28 };
  const start = time(history.from), end = time(history.to) + DAY;
  const totals = [...history.segments, ...(alternative?.segments ?? [])].map((s) => s.totalPercent).filter((t) => t != null);
  const top = Math.max(10, Math.ceil((Math.max(0, ...totals) * 1.15) / 10) * 10);
  const x = (ms) => pad.left + ((ms - start) / (end - start)) * (width - pad.left - pad.right);
  const y = (p) => height - pad.bottom - (p / top) * (height - pad.top - pad.bottom);

  const title = svg('title', { id: 'chart-title' });
  title.textContent = `Total duty on ${history.product} from ${history.originName}, ${history.from} to ${history.to}`;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', class: 'rate-chart' }, title);

  const step = top <= 40 ? 5 : top <= 100 ? 10 : 25 * Math.ceil(top / 200);
  for (let p = 0; p <= top; p += step) {
    const label = svg('text', { x: pad.left - 6, y: y(p) + 4, class: 'axis', 'text-anchor': 'end' });
    label.textContent = `${p}%`;
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(p), y2: y(p), class: 'grid' }), label);
  }

  const first = new Date(start);
  for (let m = 0; ; m += narrow ? 6 : 3) {
    const tick = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1);
    if (tick > end) break;
    const atEdge = x(tick) > width - pad.right - 16;
    const label = svg('text', { x: x(tick), y: height - 8, class: 'axis', 'text-anchor': atEdge ? 'end' : 'middle' });
    const d = new Date(tick);
    label.textContent = d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    chart.append(svg('line', { x1: x(tick), x2: x(tick), y1: height - pad.bottom, y2: height - pad.bottom + 4, class: 'tick' }), label);
  }

  // Days after the newest revision's publication: shaded, since revisions published since may have changed them.
  if (history.stale && history.dataAsOf) {
    const from = Math.max(start, time(history.dataAsOf) + DAY);
    chart.append(svg('rect', { x: x(from), y: pad.top, width: Math.max(0, x(end) - x(from)), height: height - pad.top - pad.bottom, class: 'stale-band' }));
  }

  if (alternative) {
    title.textContent += `, and under the scenario “${alternative.title}” (dashed)`;
    chart.append(svg('path', { d: stepPath(alternative, x, y), class: 'scenario-rate' }));
  }
  chart.append(svg('path', { d: stepPath(history, x, y), class: 'rate' }));

  history.segments.forEach((s, i) => {
    if (i === 0 || !s.event) return;
    const changed = history.segments[i - 1].totalPercent !== s.totalPercent;
    const marker = svg('g', { class: changed ? 'event change' : 'event' },
      svg('line', { x1: x(time(s.from)), x2: x(time(s.from)), y1: pad.top, y2: height - pad.bottom }),
      svg('circle', { cx: x(time(s.from)), cy: pad.top, r: changed ? 4 : 3 }));
    const tip = svg('title');
    tip.textContent = `${s.from}: ${s.event} (${percent(s.totalPercent)})`;
    marker.append(tip);
    chart.append(marker);
  });

  if (chosen && time(chosen) >= start && time(chosen) < end) {
    const cx = x(time(chosen));
    const marker = (h, cls) => (totalOn(h, chosen) != null ? svg('circle', { cx, cy: y(totalOn(h, chosen)), r: 5, class: cls }) : svg('g'));
    chart.append(svg('g', { class: 'chosen' },
      svg('line', { x1: cx, x2: cx, y1: pad.top, y2: height - pad.bottom }),
      alternative ? marker(alternative, 'scenario') : svg('g'),
      marker(history, null)));
  }

  box.replaceChildren(chart);
  const notice = $('#history-notice');
  notice.textContent = history.stale ? `Shaded: after ${history.dataAsOf}. ${history.dataNotice}` : '';
  notice.hidden = !history.stale;
  $('#events').replaceChildren(...eventItems(history));
  $('#legend').hidden = !alternative;
  $('#legend-scenario').textContent = alternative?.title ?? '';
  $('#scenario-history').hidden = !alternative;
  $('#scenario-history-title').textContent = alternative ? `Under the scenario “${alternative.title}”` : '';
  $('#scenario-events').replaceChildren(...(alternative ? eventItems(alternative) : []));
}

// ---------------------------------------------------------------------------------------------------------------
// The query: read from the form or the URL, written to the URL, and answered.

let showAbort = null;
let lastHistory = null;
let lastAlternative = null;

const scenarioTitle = (id) => state.scenarios.find((x) => x.id === id)?.title ?? id;

async function show(request) {
  state.request = request;
  showAbort?.abort();
  showAbort = new AbortController();
  const { signal } = showAbort;
  setStatus('Looking up the rate…');
  ui.result.hidden = false;
  $('#quote').hidden = true;
  $('#whatif').hidden = true;
  $('#history').hidden = true;
  $('#data-notice').hidden = true;
  $('#result-title').textContent = `${request.product} from ${request.origin}, entered ${request.date}`;
  $('#result-description').textContent = '';

  const asked = query({ product: request.product, origin: request.origin, date: request.date });
  const line = api(`/api/v1/lines/${encodeURIComponent(request.product)}?${query({ date: request.date })}`, signal)
    .then((value) => {
      renderLine(value);
      return value;
    });
  // The line and the quote name the same revision for a date: the one whose text governs it in law.
  const quote = api(`/api/v1/quote?${asked}`, signal)
    .then((value) => {
      renderQuote(value);
      setStatus('');
      return true;
    })
    .catch(async (error) => {
      if (signal.aborted) return false;
      setStatus(error.message, true);
      markInvalid(error.problem?.field);
      const found = await line.catch(() => null);
      if (found) {
        $('#result-description').textContent = found.descriptionPath.join(' › ');
        $('#line').open = true;
      } else {
        ui.result.hidden = true;
      }
      return false;
    });
  // What if: the same question under the scenario, compared with what happened. It is shown, or its problem reported,
  // once the quote has settled, so that the quote's own status cannot overwrite it; a failed quote speaks first.
  const comparison = !request.scenario ? null : api(`/api/v1/scenarios/compare?${query({
    base: 'actual', scenario: request.scenario, product: request.product, origin: request.origin, date: request.date,
  })}`, signal).then((value) => ({ value }), (error) => ({ error }));
  const whatIf = !comparison ? null : Promise.all([comparison, quote]).then(([{ value, error }, quoted]) => {
    if (signal.aborted || !quoted) return;
    if (value) {
      renderWhatIf(value);
    } else if (error.problem) {
      setStatus(error.message, true);
      markInvalid(error.problem.field);
    }
  });
  const histories = [
    api(`/api/v1/history?${query({ product: request.product, origin: request.origin })}`, signal),
    !request.scenario ? null : api(`/api/v1/history?${query({ product: request.product, origin: request.origin, scenario: request.scenario })}`, signal)
      .then((value) => ({ ...value, title: scenarioTitle(value.scenario) }))
      .catch(() => null),
  ];
  const chart = Promise.all(histories).then(([value, alternative]) => {
    lastHistory = value;
    lastAlternative = alternative;
    renderChart(value, request.date, alternative);
  });
  await Promise.allSettled([line, quote, chart, whatIf]);
  if (!signal.aborted) ui.result.dataset.loaded = request.date;
}

function requestFromUrl() {
  const p = new URLSearchParams(location.search);
  const request = { product: p.get('product'), origin: p.get('origin'), date: p.get('date'), scenario: p.get('scenario') || null };
  return request.product && request.origin && request.date ? request : null;
}

function fillForm(request) {
  state.product = request.product;
  ui.product.value = request.product;
  ui.origin.value = localCountry(request.origin)?.name ?? request.origin;
  ui.date.value = request.date;
  ui.scenario.value = request.scenario ?? '';
}

ui.form.addEventListener('submit', async (e) => {
  e.preventDefault();
  closeSuggestions();
  const typed = ui.product.value.trim();
  const product = state.product && typed.startsWith(state.product) ? state.product : isCode(typed) ? typed : null;
  if (!product) {
    setStatus(typed ? 'Pick a product from the suggestions, or type its HTS code.' : 'Type words or a code to find a product.', true);
    markInvalid('product');
    return;
  }
  if (!ui.origin.value.trim()) {
    setStatus('Choose the country of origin.', true);
    markInvalid('origin');
    return;
  }
  if (!ui.date.value) {
    setStatus('Choose the date of entry.', true);
    markInvalid('date');
    return;
  }
  let origin;
  try {
    origin = await resolveOrigin(ui.origin.value);
  } catch (err) {
    setStatus(err.message, true);
    markInvalid('origin');
    return;
  }
  markInvalid(null);
  const request = { product, origin: origin.iso, date: ui.date.value, scenario: ui.scenario.value || null };
  const url = `${location.pathname}?${query(request)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(request, '', url);
  await show(request);
});

// Choosing a scenario (or none) while a result is shown asks again at once, so the toggle feels like one.
ui.scenario.addEventListener('change', () => {
  if (state.request) ui.form.requestSubmit();
});

window.addEventListener('popstate', () => {
  const request = requestFromUrl();
  if (request) {
    fillForm(request);
    show(request);
  }
});

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => lastHistory && renderChart(lastHistory, state.request?.date, lastAlternative), 150);
});

async function start() {
  const [countries, revisions, scenarios] = await Promise.allSettled([api('/api/v1/countries'), api('/api/v1/revisions'), api('/api/v1/scenarios')]);
  if (scenarios.status === 'fulfilled') {
    state.scenarios = scenarios.value.scenarios;
    ui.scenario.append(...state.scenarios.filter((x) => x.id !== 'actual').map((x) => el('option', { value: x.id }, x.title)));
  }
  if (countries.status === 'fulfilled') {
    state.countries = countries.value.countries;
    ui.countries.replaceChildren(...state.countries.map((c) => el('option', { value: c.name }, `${c.iso} · ${c.censusCode}`)));
  }
  if (revisions.status === 'fulfilled') {
    state.firstDate = revisions.value.firstDate;
    state.horizon = revisions.value.horizon;
    ui.date.min = state.firstDate;
    ui.date.max = state.horizon;
  }
  const request = requestFromUrl();
  if (request) {
    fillForm(request);
  } else if (!ui.date.value) {
    const today = new Date().toISOString().slice(0, 10);
    ui.date.value = today < state.firstDate ? state.firstDate : today > state.horizon ? state.horizon : today;
  }
  document.body.dataset.ready = 'true';
  if (request) await show(request);
}

start();
