// Admin settings for the cost model: history from /api/costs/model, a new version posted as the JSON file form.
(() => {
  const texts = {
    en: { title: 'Cost model', back: 'Dashboard', validFrom: 'Valid from', saveButton: 'Save new version', history: 'History', saved: 'Saved.',
      note: 'Each version applies from its date until the next one; a report over days of several versions prices each day with the version valid on it (before the first version: the Costs configuration). Versions are kept, never changed. Names and meanings: docs/cost-model.md.',
      id: 'Version', by: 'Saved by', at: 'Saved at', none: 'No saved versions: reports use the Costs configuration.', invalid: 'Not saved' },
    'zh-CN': { title: '成本模型', back: '仪表板', validFrom: '生效日期', saveButton: '保存新版本', history: '历史', saved: '已保存。',
      note: '每个版本从其日期起生效，直到下一个版本；跨越多个版本的报告按每一天当时有效的版本计算（第一个版本之前：Costs 配置）。版本只增不改。名称与含义见 docs/cost-model.md。',
      id: '版本', by: '保存人', at: '保存时间', none: '尚无保存的版本：报告使用 Costs 配置。', invalid: '未保存' },
  };
  let lang = new URLSearchParams(location.search).get('lang') || (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  const $ = id => document.getElementById(id);
  const t = k => texts[lang][k];
  const apply = () => { document.documentElement.lang = lang; document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); }); };

  async function load() {
    const versions = await (await fetch('/api/costs/model')).json();
    if (!$('model').value) {
      const today = new Date().toISOString().slice(0, 10);
      const current = versions[0]?.model ?? (await (await fetch(`/api/costs/report?from=${today}&to=${new Date(Date.now() + 864e5).toISOString().slice(0, 10)}`)).json()).model;
      $('model').value = JSON.stringify(current, null, 2);
      $('valid-from').value = today;
    }
    $('history').innerHTML = versions.length === 0 ? `<tbody><tr><td>${t('none')}</td></tr></tbody>`
      : `<thead><tr><th>${t('id')}</th><th>${t('validFrom')}</th><th>${t('at')}</th><th>${t('by')}</th></tr></thead><tbody>`
        + versions.map(v => `<tr><td>${v.id}</td><td>${v.valid_from}</td><td>${v.created_at.slice(0, 19).replace('T', ' ')}</td><td>${(v.created_by ?? '').replace(/[<>&]/g, '')}</td></tr>`).join('') + '</tbody>';
  }

  $('save').addEventListener('submit', async e => {
    e.preventDefault();
    let model;
    try { model = JSON.parse($('model').value); } catch (error) { $('status').textContent = `${t('invalid')}: ${error.message}`; return; }
    const response = await fetch('/api/costs/model', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ valid_from: $('valid-from').value, model }) });
    const problem = response.ok ? null : await response.json().catch(() => ({}));
    $('status').textContent = response.ok ? t('saved') : `${t('invalid')}: ${problem.detail || response.status}`;
    if (response.ok) load();
  });
  document.querySelectorAll('button.lang').forEach(b => b.addEventListener('click', () => { lang = b.dataset.lang; apply(); load(); }));
  apply();
  load();
})();
