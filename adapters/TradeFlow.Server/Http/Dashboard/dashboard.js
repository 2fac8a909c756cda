// TradeFlow dashboard: vanilla JS over the HTTP API, nothing fetched from outside this server.
// Polls every few seconds while live; the blotter follows the server-sent event stream instead while it is open
// (and falls back to polling when it errors). An "as of" instant freezes every panel at what the bank knew then.
(function () {
  'use strict';

  const POLL_MS = 3000;
  const BLOTTER_ROWS = 25;
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  const state = { key: sessionStorage.getItem('tradeflow.key') || '', asOf: '', selected: null, timer: null, stream: null, streaming: false };

  const $ = (selector) => document.querySelector(selector);
  const money = (n) => n == null ? '' : Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = (n) => n == null ? '' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 6 });
  const time = (t) => t ? t.replace('T', ' ').replace(/\.\d+/, '').replace('+00:00', 'Z') : '';

  function text(tag, value, className) {
    const cell = document.createElement(tag);
    cell.textContent = value == null ? '' : String(value);
    if (className) cell.className = className;
    return cell;
  }

  function setStatus(message, isError) {
    const status = $('#status');
    status.textContent = message;
    status.classList.toggle('error', !!isError);
  }

  function query(extra) {
    const params = new URLSearchParams(extra || {});
    if (state.asOf) params.set('asOf', state.asOf);
    const s = params.toString();
    return s ? '?' + s : '';
  }

  async function api(path) {
    const response = await fetch(path, { headers: { 'X-Api-Key': state.key, 'Accept': 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && (body.detail || body.title) || response.statusText;
      throw new Error(response.status + ': ' + detail);
    }
    return body;
  }

  // Runs one panel's load; a refusal (e.g. a key without the role) is shown in that panel, not fatal for the others.
  async function panel(name, load) {
    const message = document.querySelector('.message[data-for="' + name + '"]');
    try {
      await load();
      if (message) message.textContent = '';
      return true;
    } catch (error) {
      if (message) message.textContent = error.message;
      return false;
    }
  }

  function fill(tbody, rows, build) {
    const body = typeof tbody === 'string' ? $(tbody) : tbody;
    body.replaceChildren(...rows.map(build));
  }

  async function loadExposures() {
    const rows = await api('/api/risk/exposures' + query());
    rows.sort((a, b) => b.utilisationPercent - a.utilisationPercent);
    fill('#exposures tbody', rows, (e) => {
      const tr = document.createElement('tr');
      tr.dataset.counterparty = e.counterparty;
      tr.className = 'breach-' + e.breach.toLowerCase();
      tr.append(text('td', e.name, 'name'), text('td', e.currency), text('td', money(e.utilised), 'num utilised'),
        text('td', money(e.hardLimit), 'num hard-limit'));
      const bar = document.createElement('td');
      const track = document.createElement('span');
      track.className = 'bar';
      const fillBar = document.createElement('span');
      fillBar.style.width = Math.min(100, Math.max(0, e.utilisationPercent)) + '%';
      track.append(fillBar);
      bar.append(track, text('span', Number(e.utilisationPercent).toFixed(2) + '%', 'bar-label utilisation'));
      tr.append(bar, text('td', money(e.headroom), 'num headroom'), text('td', e.breach === 'None' ? '' : e.breach, 'breach'));
      return tr;
    });
    $('#exposure-view').textContent = state.asOf ? 'as known at ' + state.asOf : 'live';
  }

  async function loadPositions() {
    const rows = await api('/api/risk/positions' + query());
    fill('#positions tbody', rows.filter((p) => Number(p.quantity) !== 0), (p) => {
      const tr = document.createElement('tr');
      tr.dataset.position = p.book + '|' + p.instrument;
      tr.append(text('td', p.book), text('td', p.instrument), text('td', p.currency), text('td', plain(p.quantity), 'num quantity'),
        text('td', money(p.marketValue), 'num market-value'), text('td', money(p.unrealisedPnl), 'num unrealised'));
      return tr;
    });
  }

  async function loadLadder() {
    const rows = await api('/api/settlement/ladder' + query({ days: 10 }));
    fill('#ladder tbody', rows, (r) => {
      const tr = document.createElement('tr');
      tr.append(text('td', r.overdue ? 'overdue' : r.date), text('td', r.currency), text('td', money(r.receive), 'num'),
        text('td', money(r.pay), 'num'), text('td', money(r.net), 'num'));
      return tr;
    });
  }

  function blotterRow(r, via) {
    const tr = document.createElement('tr');
    tr.dataset.trade = r.tradeId;
    tr.dataset.position = r.position;
    tr.dataset.via = via;
    if (r.tradeId === state.selected) tr.classList.add('selected');
    tr.append(text('td', r.position, 'num'), text('td', time(r.recordedTime)), text('td', r.tradeId, 'trade-id'), text('td', r.event),
      text('td', r.instrument), text('td', r.side), text('td', plain(r.quantity), 'num'), text('td', plain(r.price), 'num'),
      text('td', r.book), text('td', r.actor));
    tr.addEventListener('click', () => showAudit(r.tradeId));
    return tr;
  }

  async function loadBlotter() {
    const rows = await api('/api/trades' + query({ limit: BLOTTER_ROWS }));
    fill('#blotter tbody', rows, (r) => blotterRow(r, 'read'));
  }

  // One event from the stream: newest first, each position once, at most BLOTTER_ROWS rows.
  function streamedRow(r) {
    const body = $('#blotter tbody');
    if (body.querySelector('tr[data-position="' + r.position + '"]')) return;
    body.prepend(blotterRow(r, 'stream'));
    while (body.rows.length > BLOTTER_ROWS) body.deleteRow(body.rows.length - 1);
  }

  function closeStream() {
    if (state.stream) state.stream.close();
    state.stream = null;
    state.streaming = false;
    document.body.dataset.blotter = 'polling';
  }

  // The live blotter: EventSource cannot send headers, so the key goes in the query. On (re)connect and on
  // "resync" (the server dropped events for this client) the blotter is read once; a stream that fails for
  // good (401, 503, server gone) is closed and the blotter goes back to being polled with the other panels.
  function openStream() {
    closeStream();
    if (!state.key || state.asOf || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/blotter/stream?apiKey=' + encodeURIComponent(state.key));
    source.onopen = () => {
      state.streaming = true;
      document.body.dataset.blotter = 'stream';
      panel('blotter', loadBlotter);
    };
    source.onmessage = (event) => streamedRow(JSON.parse(event.data));
    source.addEventListener('resync', () => panel('blotter', loadBlotter));
    source.onerror = () => {
      state.streaming = false;
      document.body.dataset.blotter = 'polling';
      if (source.readyState === EventSource.CLOSED && state.stream === source) state.stream = null;
    };
    state.stream = source;
  }

  async function showAudit(tradeId) {
    state.selected = tradeId;
    const section = $('#audit');
    section.hidden = false;
    $('#audit-trade').textContent = tradeId;
    try {
      const [trade, history] = await Promise.all([api('/api/trades/' + tradeId + query()), api('/api/trades/' + tradeId + '/history' + query())]);
      $('#audit-state').textContent = trade.status + (trade.isConfirmed ? ', confirmed' : '');
      fill(section.querySelector('tbody'), history, (e) => {
        const tr = document.createElement('tr');
        tr.dataset.position = e.position;
        tr.append(text('td', e.position, 'num'), text('td', e.type, 'event-type'), text('td', time(e.recordedTime)),
          text('td', time(e.effectiveTime)), text('td', e.source), text('td', e.actor, 'actor'), text('td', e.eventId));
        return tr;
      });
    } catch (error) {
      $('#audit-state').textContent = error.message;
    }
  }

  function drawChart(history) {
    const svg = $('#exposure-chart');
    const ns = 'http://www.w3.org/2000/svg';
    const width = 800, height = 220, pad = 28;
    const n = history.positions.length;
    const max = Math.max(100, ...history.series.flatMap((s) => s.utilisationPercent.map(Number)));
    const x = (i) => pad + (n <= 1 ? 0 : (i * (width - 2 * pad)) / (n - 1));
    const y = (v) => height - pad - (v / max) * (height - 2 * pad);
    const nodes = [];
    const line = (x1, y1, x2, y2, colour, dash) => {
      const l = document.createElementNS(ns, 'line');
      Object.entries({ x1, y1, x2, y2, stroke: colour, 'stroke-width': 1 }).forEach(([k, v]) => l.setAttribute(k, v));
      if (dash) l.setAttribute('stroke-dasharray', dash);
      return l;
    };
    nodes.push(line(pad, y(0), width - pad, y(0), '#9aa7b5'), line(pad, y(100), width - pad, y(100), '#c0392b', '4 3'));
    const label = document.createElementNS(ns, 'text');
    Object.entries({ x: pad + 2, y: y(100) - 4, 'font-size': 10, fill: '#c0392b' }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = '100% of hard limit';
    nodes.push(label);
    history.series.forEach((s, i) => {
      const path = document.createElementNS(ns, 'polyline');
      path.setAttribute('points', s.utilisationPercent.map((v, j) => x(j).toFixed(1) + ',' + y(Number(v)).toFixed(1)).join(' '));
      Object.entries({ fill: 'none', stroke: COLOURS[i % COLOURS.length], 'stroke-width': 2 }).forEach(([k, v]) => path.setAttribute(k, v));
      path.dataset.counterparty = s.counterparty;
      nodes.push(path);
    });
    svg.replaceChildren(...nodes);
    fill('#chart-legend', history.series, (s, i) => {
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.style.background = COLOURS[i % COLOURS.length];
      item.append(swatch, document.createTextNode(s.name));
      return item;
    });
  }

  async function loadChart() {
    drawChart(await api('/api/risk/exposures/history' + query({ points: 60 })));
  }

  async function refresh() {
    if (!state.key) {
      setStatus('enter an API key to connect');
      return;
    }
    const results = await Promise.all([
      panel('exposures', loadExposures), panel('positions', loadPositions), panel('ladder', loadLadder),
      state.streaming ? Promise.resolve(true) : panel('blotter', loadBlotter), panel('chart', loadChart),
    ]);
    if (state.selected) await showAudit(state.selected);
    const ok = results.every(Boolean);
    setStatus((ok ? 'updated ' : 'partly updated ') + new Date().toISOString().replace(/\.\d+Z$/, 'Z') + (state.asOf ? ' (as of ' + state.asOf + ')' : ' (live)'), !ok);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }

  function schedule() {
    clearInterval(state.timer);
    // An as-of view is history: it does not change, so only the live view polls and streams.
    state.timer = state.asOf ? null : setInterval(refresh, POLL_MS);
    if (state.asOf) closeStream(); else if (!state.stream) openStream();
  }

  $('#connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.key = $('#api-key').value.trim();
    sessionStorage.setItem('tradeflow.key', state.key);
    closeStream();
    refresh().then(schedule);
  });
  $('#as-of-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('#as-of').value.trim();
    state.asOf = value === '' || value.toLowerCase() === 'live' ? '' : value;
    refresh().then(schedule);
  });
  $('#live').addEventListener('click', () => {
    $('#as-of').value = '';
    state.asOf = '';
    refresh().then(schedule);
  });

  $('#api-key').value = state.key;
  refresh().then(schedule);
})();
