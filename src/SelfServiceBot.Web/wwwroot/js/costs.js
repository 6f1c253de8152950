// The managers' cost dashboard: reads /api/costs/report (the same JSON as `costs report --json`) and draws tiles, charts
// (Chart.js) and tables; the knowledge gaps and the what-if are costs-knowledge.js. Each tile keeps the exact JSON value
// in data-value.
(() => {
  const texts = window.costTexts;
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') || (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  let report = null;
  const charts = {};
  const $ = id => document.getElementById(id);
  const t = key => texts[lang][key] ?? texts.en[key] ?? key;
  // Where a model version came from (model_source: configuration, file, stored:ID), in the page's language.
  const sourceName = s => s.startsWith('stored:') ? t('sources').stored.replace('{0}', s.slice(7)) : t('sources')[s] ?? s;

  const iso = d => d.toISOString().slice(0, 10);
  const addDays = (d, n) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
  const monthStart = (d, back) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));

  const numberFormat = (digits) => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const fmt = {
    count: v => v == null ? '–' : numberFormat(0).format(v),
    money: v => v == null ? '–' : numberFormat(2).format(v),
    pct: v => v == null ? '–' : numberFormat(1).format(v * 100) + '%',
    num: v => v == null ? '–' : numberFormat(2).format(v),
  };

  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
  }

  function preset(kind) {
    const today = new Date(); const tomorrow = addDays(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())), 1);
    const ranges = {
      '30d': [addDays(tomorrow, -30), tomorrow], month: [monthStart(today, 0), tomorrow], lastMonth: [monthStart(today, 1), monthStart(today, 0)],
      '3m': [monthStart(today, 2), tomorrow], '6m': [monthStart(today, 5), tomorrow],
    };
    const [from, to] = ranges[kind] || ranges['30d'];
    $('from').value = iso(from); $('to').value = iso(to);
  }

  const query = () => `from=${$('from').value}&to=${$('to').value}`;

  async function load() {
    $('status').textContent = t('loading');
    history.replaceState(null, '', `?${query()}&lang=${lang}`);
    $('export-csv').href = `/api/costs/report.csv?${query()}`;
    $('export-xlsx').href = `/api/costs/report.xlsx?${query()}`;
    $('export-contacts').href = `/api/costs/contacts.csv?${query()}`;
    const response = await fetch(`/api/costs/report?${query()}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      $('status').textContent = `${t('failed')}: ${problem.detail || response.status}`;
      return;
    }
    report = await response.json();
    $('status').textContent = '';
    render();
    const gaps = await fetch(`/api/costs/gaps?${query()}`);
    if (gaps.ok) knowledge.renderGaps(await gaps.json());
  }

  // A site without a model has no tokens: no model spend tile or chart, rather than empty ones.
  const usesModel = r => r.llm_input_tokens > 0 || r.llm_output_tokens > 0;

  function render() {
    const r = report;
    const tiles = [
      ['contacts', r.contacts, fmt.count], ['deflection_rate', r.deflection_rate, fmt.pct], ['durable_deflection_rate', r.durable_deflection_rate, fmt.pct],
      ['escalation_rate', r.escalation_rate, fmt.pct], ['abandonment_rate', r.abandonment_rate, fmt.pct], ['human_cpc', r.human_cpc, fmt.money],
      ['bot_cpc', r.bot_cpc, fmt.money], ['blended_cpc', r.blended_cpc, fmt.money], ['gross_savings', r.gross_savings, fmt.money],
      ['net_savings', r.net_savings, fmt.money], ['roi', r.roi, fmt.pct], ['payback_months', r.payback_months, fmt.num],
      ['csat_bot', r.csat.bot_only.mean, v => `${fmt.num(v)} (${fmt.pct(r.csat.bot_only.share_4_5)})`],
      ['csat_escalated', r.csat.escalated.mean, v => `${fmt.num(v)} (${fmt.pct(r.csat.escalated.share_4_5)})`],
    ];
    if (usesModel(r)) tiles.splice(tiles.findIndex(([key]) => key === 'bot_cpc') + 1, 0, ['llm_spend', r.llm_spend, fmt.money]);
    // The inputs every cost figure rests on, shown under the period with their own numbered formulas.
    const inputs = [['months', r.months, fmt.num], ['L', r.L, fmt.money], ['P', r.P, fmt.num], ['m', r.m, fmt.money], ['H', r.H, fmt.num]];
    const versioned = r.model_versions.length > 1;
    const formula = key => (versioned && texts.formulas[key + '_versions']) || texts.formulas[key];
    const label = key => texts[lang].tiles[key] ?? texts[lang].inputs[key];
    $('tiles').replaceChildren(...tiles.map(([key, value, format], i) => {
      const tile = document.createElement('div');
      tile.className = 'tile'; tile.dataset.figure = key; tile.dataset.value = value == null ? 'null' : String(value);
      tile.title = formula(key);
      tile.innerHTML = `<span class="label"></span><sup>${i + 1}</sup><strong></strong>`;
      tile.querySelector('.label').textContent = texts[lang].tiles[key];
      tile.querySelector('strong').textContent = format(value);
      return tile;
    }));
    const source = document.createElement('span');
    source.dataset.figure = 'model_versions';
    source.textContent = t('modelSource') + r.model_versions.map(v => `${sourceName(v.model_source)} (${v.from} – ${v.to})`).join(', ');
    if (versioned) { source.title = t('versionsNote'); source.insertAdjacentHTML('beforeend', `<sup>${tiles.length + inputs.length + 1}</sup>`); }
    $('model-source').replaceChildren(source, ...inputs.map(([key, value, format], i) => {
      const span = document.createElement('span');
      span.dataset.figure = key; span.dataset.value = value == null ? 'null' : String(value); span.title = formula(key);
      span.textContent = key === 'months' ? ` · ${format(value)} ${t('months')}` : ` · ${key} ${format(value)}`;
      span.insertAdjacentHTML('beforeend', `<sup>${tiles.length + i + 1}</sup>`);
      return span;
    }));
    const notes = [...tiles, ...inputs].map(([key]) => [label(key), formula(key)]);
    if (versioned) {
      const parts = r.model_versions.map(v => `${sourceName(v.model_source)} ${v.from} – ${v.to}: human_cpc ${fmt.money(v.human_cpc)}, m ${fmt.money(v.m)}, H ${fmt.num(v.H)}`);
      notes.push([t('versions'), `${t('versionsNote')} ${parts.join('; ')}.`]);
    }
    $('footnotes').replaceChildren(...notes.map(([name, text]) => {
      const li = document.createElement('li');
      li.innerHTML = '<b></b>: <code></code>';
      li.querySelector('b').textContent = name;
      li.querySelector('code').textContent = text;
      return li;
    }));
    document.querySelectorAll('figcaption[data-t]').forEach(caption => { caption.title = texts.formulas.charts[caption.dataset.t]; });
    renderCharts(r);
    renderTables(r);
  }

  function chart(id, config) {
    charts[id]?.destroy();
    charts[id] = new Chart($(id), { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
  }

  function renderCharts(r) {
    const o = texts[lang].outcomes;
    const labels = r.trend.points.map(p => p.start);
    const series = [['deflected', '#2e7d32'], ['escalated', '#c62828'], ['abandoned', '#ef6c00'], ['unengaged', '#9e9e9e'], ['human_direct', '#1565c0']];
    chart('chart-trend', { type: 'bar', data: { labels, datasets: series.map(([k, color]) => ({ label: o[k], data: r.trend.points.map(p => p[k]), backgroundColor: color })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true } } } });
    chart('chart-savings', { type: 'line', data: { labels, datasets: [{ label: t('savings'), data: r.trend.points.map(p => p.gross_savings), borderColor: '#2e7d32', fill: false }] } });
    renderModelChart(r);
    const cats = r.by_category;
    const flat = v => cats.map(() => v);
    chart('chart-pareto', { data: { labels: cats.map(c => `${c.category} (${c.abc})`), datasets: [
      { type: 'bar', label: t('humanCost'), data: cats.map(c => c.human_cost), backgroundColor: cats.map(c => ({ A: '#c62828', B: '#ef6c00', C: '#9e9e9e' })[c.abc]), yAxisID: 'y' },
      { type: 'line', label: t('cumulative'), data: cats.map(c => c.cumulative_share == null ? null : c.cumulative_share * 100), borderColor: '#263238', yAxisID: 'share' },
      { type: 'line', label: '55%', data: flat(55), borderColor: '#c62828', borderDash: [6, 4], pointRadius: 0, yAxisID: 'share' },
      { type: 'line', label: '85%', data: flat(85), borderColor: '#ef6c00', borderDash: [6, 4], pointRadius: 0, yAxisID: 'share' },
    ] }, options: { scales: { y: { position: 'left', grace: '5%' }, share: { position: 'right', min: 0, max: 100, ticks: { callback: v => v + '%' } } } } });
    const palette = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#9e9e9e', '#00838f'];
    for (const [id, rows] of [['chart-channel', r.by_channel], ['chart-locale', r.by_locale]]) {
      chart(id, { type: 'doughnut', data: { labels: rows.map(x => x.key), datasets: [{ data: rows.map(x => x.contacts), backgroundColor: palette }] } });
    }
  }

  // Tokens (bars, left axis) and spend (line, right axis) per calendar month, only when the period has any.
  function renderModelChart(r) {
    const shown = usesModel(r);
    $('llm-figure').hidden = !shown;
    if (!shown) { charts['chart-llm']?.destroy(); delete charts['chart-llm']; return; }
    const months = r.trend.llm_by_month;
    chart('chart-llm', { data: { labels: months.map(x => x.month), datasets: [
      { type: 'bar', label: t('inputTokens'), data: months.map(x => x.llm_input_tokens), backgroundColor: '#90caf9', yAxisID: 'y' },
      { type: 'bar', label: t('outputTokens'), data: months.map(x => x.llm_output_tokens), backgroundColor: '#1565c0', yAxisID: 'y' },
      { type: 'line', label: t('llmSpend'), data: months.map(x => x.llm_spend), borderColor: '#6a1b9a', backgroundColor: '#6a1b9a', yAxisID: 'spend' },
    ] }, options: { scales: { y: { position: 'left', beginAtZero: true, ticks: { callback: v => fmt.count(v) } },
      spend: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { callback: v => fmt.money(v) } } } } });
  }

  function table(id, columns, rows) {
    // A column computed by a formula shows it as the header's tooltip (texts.formulas.columns, keyed by the column's text key).
    const head = `<thead><tr>${columns.map(([label, , , formula]) => `<th${formula ? ` title="${escape(formula)}"` : ''}>${label}</th>`).join('')}</tr></thead>`;
    const body = rows.map(row => `<tr>${columns.map(([, get, format]) => `<td>${escape((format || String)(get(row)))}</td>`).join('')}</tr>`).join('');
    $(id).innerHTML = head + `<tbody>${body}</tbody>`;
  }

  const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const knowledge = window.costKnowledge({ t, fmt, table, $, texts });

  function renderTables(r) {
    const f = texts.formulas.columns;
    const segment = [[t('key'), x => x.key], [t('contacts'), x => x.contacts, fmt.count], [t('engaged'), x => x.engaged, fmt.count, f.engaged],
      [t('deflected'), x => x.deflected, fmt.count, f.deflected], [t('durable'), x => x.durable_deflected, fmt.count, f.durable], [t('escalated'), x => x.escalated, fmt.count],
      [t('deflectionRate'), x => x.deflection_rate, fmt.pct, f.deflectionRate], [t('humanCost'), x => x.human_cost, fmt.money, f.humanCost],
      [t('savings'), x => x.gross_savings, fmt.money, f.savings]];
    table('table-channel', segment, r.by_channel);
    table('table-locale', segment, r.by_locale);
    table('table-category', [[t('category'), x => x.category], [t('abc'), x => x.abc, String, f.abc], [t('contacts'), x => x.contacts, fmt.count],
      [t('escalated'), x => x.escalated, fmt.count], [t('humanDirect'), x => x.human_direct, fmt.count], [t('humanCost'), x => x.human_cost, fmt.money, f.humanCost],
      [t('share'), x => x.share, fmt.pct, f.share], [t('cumulative'), x => x.cumulative_share, fmt.pct, f.cumulative], [t('savings'), x => x.savings, fmt.money, f.savings]], r.by_category);
    table('table-article', [[t('article'), x => x.article_id], [t('deflected'), x => x.deflected, fmt.count, f.deflected], [t('durable'), x => x.durable_deflected, fmt.count, f.durable],
      [t('escalated'), x => x.escalated, fmt.count], [t('savings'), x => x.savings, fmt.money, f.savings]], r.by_article);
    table('table-reason', [[t('reason'), x => t('reasonNames')[x.reason] ?? x.reason], [t('count'), x => x.count, fmt.count], [t('humanCost'), x => x.human_cost, fmt.money, f.humanCost]], r.by_escalation_reason);
    const budget = r.budget ? [[t('human'), r.budget.human], [t('bot'), r.budget.bot]].filter(([, b]) => b) : [];
    if (budget.length === 0) { $('table-budget').innerHTML = `<tbody><tr><td>${t('noBudget')}</td></tr></tbody>`; }
    else table('table-budget', [[t('channel'), x => x[0]], [t('monthlyBudget'), x => x[1].monthly_budget, fmt.money, f.monthlyBudget],
      [t('budgetPeriod'), x => x[1].budget, fmt.money, f.budgetPeriod], [t('actual'), x => x[1].actual, fmt.money, f.actual],
      [t('variance'), x => x[1].variance, fmt.money, f.variance], [t('varianceShare'), x => x[1].variance_share, fmt.pct, f.varianceShare]], budget);
  }

  document.querySelectorAll('button.lang').forEach(b => b.addEventListener('click', () => { lang = b.dataset.lang; applyTexts(); if (report) load(); }));
  $('preset').addEventListener('change', e => { if (e.target.value) { preset(e.target.value); load(); } });
  $('period').addEventListener('submit', e => { e.preventDefault(); load(); });
  $('whatif-run').addEventListener('click', () => knowledge.whatIf(report));

  applyTexts();
  if (params.get('from') && params.get('to')) { $('from').value = params.get('from'); $('to').value = params.get('to'); } else preset('30d');
  load();
})();
