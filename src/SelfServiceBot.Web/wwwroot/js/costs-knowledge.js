// The cost dashboard's knowledge part: the gaps (questions that most often ended with a person or with nothing), each
// turned into a knowledge base draft on a click, and the what-if of the answer threshold. costs.js draws it with its
// texts, number formats and table helper.
window.costKnowledge = ({ t, fmt, table, $, texts }) => {
  function renderGaps(gaps) {
    table('table-gaps', [[t('question'), g => g.question], [t('category'), g => g.category ?? ''], [t('escalatedCol'), g => g.escalated, fmt.count],
      [t('abandonedCol'), g => g.abandoned, fmt.count], [t('potential'), g => g.potentialSavings, fmt.money], ['', () => '']], gaps);
    $('table-gaps').querySelectorAll('tbody tr').forEach((row, i) => {
      const button = document.createElement('button');
      button.type = 'button'; button.textContent = t('draft');
      button.addEventListener('click', () => draft(gaps[i], row.lastElementChild));
      row.lastElementChild.append(button);
    });
  }

  // Stores a knowledge base draft from the gap's question for a supervisor to review (/agent/drafts); the cell then links
  // to it. The question is the customer's text: it only ever goes into the page as text.
  async function draft(gap, cell) {
    const status = document.createElement('span');
    try {
      const antiforgery = await fetch('/api/kb/drafts/antiforgery');
      if (!antiforgery.ok) throw new Error(antiforgery.status);
      const { token, headerName } = await antiforgery.json();
      const response = await fetch('/api/kb/drafts/from-gap', { method: 'POST',
        headers: { 'Content-Type': 'application/json', [headerName]: token }, body: JSON.stringify({ question: gap.question, category: gap.category }) });
      if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail ?? response.status);
      const saved = await response.json();
      const text = t(saved.canReview ? 'draftSaved' : 'draftSavedNoReview').replace('{0}', saved.id);
      const link = document.createElement(saved.canReview ? 'a' : 'span');
      link.className = 'draft-saved'; link.textContent = text;
      if (saved.canReview) link.href = saved.reviewUrl;
      cell.replaceChildren(link);
    } catch (error) {
      status.className = 'draft-failed'; status.textContent = `${t('draftFailed')}: ${error.message}`;
      cell.querySelector('.draft-failed')?.remove();
      cell.append(status);
    }
  }

  // `kb eval --sweep --json` prints one object whose sweep has answered_correct (over in-scope cases) and
  // wrong_answer (over all cases) per threshold: turned into answer_rate and precision here.
  function fromKbEval(json) {
    if (Array.isArray(json) || !json || !Array.isArray(json.sweep) || !json.cases) return json;
    return json.sweep.map(p => {
      const right = (p.answered_correct ?? 0) * json.in_scope;
      const answered = right + (p.wrong_answer ?? 0) * json.cases;
      return { threshold: p.threshold, answer_rate: answered / json.cases, precision: answered ? right / answered : 0 };
    });
  }

  function whatIf(report) {
    if (!report) return;
    let sweep;
    try { sweep = fromKbEval(JSON.parse($('whatif-sweep').value)); } catch { sweep = null; }
    const current = Array.isArray(sweep) ? sweep.find(s => s.threshold === Number($('whatif-current').value)) : null;
    if (!current) { $('table-whatif').innerHTML = `<tbody><tr><td>${t('badSweep')}</td></tr></tbody>`; return; }
    const base = current.answer_rate * current.precision;
    const durableShare = report.deflected ? report.durable_deflected / report.deflected : 0;
    const rows = sweep.map(s => {
      const deflected = base ? report.deflected * (s.answer_rate * s.precision) / base : null;
      const durable = deflected == null ? null : deflected * durableShare;
      return { threshold: s.threshold, deflected, wrong: report.engaged * s.answer_rate * (1 - s.precision),
        net: durable == null || report.human_cpc == null ? null : durable * report.human_cpc - report.bot_total };
    });
    const f = texts.formulas.columns;
    table('table-whatif', [[t('threshold'), x => x.threshold], [t('deflected'), x => x.deflected, fmt.count, f.whatIfDeflected],
      [t('wrongAnswers'), x => x.wrong, fmt.count, f.wrongAnswers], [t('netSavings'), x => x.net, fmt.money, f.whatIfNet]], rows);
  }

  return { renderGaps, whatIf };
};
