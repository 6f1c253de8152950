// The agent console's knowledge base part: canned replies searched in the knowledge base, and a draft article made from
// the open chat for a supervisor's review. agent.js wires it with its hub connection, state, texts and helpers.
window.agentKnowledge = ({ connection, state, t, $, el }) => {
  $('reply-search').addEventListener('submit', async e => {
    e.preventDefault();
    const chat = state.board.open.find(h => h.id === state.current);
    const replies = await connection.invoke('SearchReplies', $('reply-query').value, chat?.locale ?? null);
    $('replies').replaceChildren(...replies.map(r => {
      const use = el('button', { type: 'button', className: 'secondary', textContent: t.use });
      use.addEventListener('click', () => { $('text').value = r.answer; $('text').focus(); });
      return el('li', {}, el('strong', { textContent: r.title }), ' ', use, el('p', { textContent: r.answer }));
    }));
  });

  // A knowledge base draft from the chat: prefilled by the server, edited here, stored for a supervisor's review.
  $('draft').addEventListener('click', async () => {
    const draft = await connection.invoke('DraftArticle', state.current);
    if (!draft) return;
    state.draftFor = state.current;
    $('draft-form').hidden = false;
    $('draft-title').value = draft.title;
    $('draft-questions').value = draft.questions.join('\n');
    $('draft-answer').value = draft.answer;
    $('draft-locale').value = draft.locale;
    $('draft-category').value = draft.category;
    $('draft-categories').replaceChildren(...(draft.categories ?? []).map(c => el('option', { value: c })));
    $('draft-errors').hidden = true;
    $('draft-saved').hidden = true;
    $('draft-title').focus();
  });

  $('draft-form').addEventListener('submit', async e => {
    e.preventDefault();
    const result = await connection.invoke('SaveDraft', state.current, {
      title: $('draft-title').value, questions: $('draft-questions').value.split('\n'), answer: $('draft-answer').value,
      locale: $('draft-locale').value, category: $('draft-category').value,
    });
    if (!result) return;
    $('draft-errors').replaceChildren(...result.errors.map(text => el('li', { textContent: text })));
    $('draft-errors').hidden = result.errors.length === 0;
    $('draft-saved').hidden = result.id == null;
    if (result.id != null) {
      $('draft-saved').replaceChildren(t.draftSaved.replace('{0}', result.id),
        ...(result.reviewUrl ? [' ', el('a', { href: result.reviewUrl, textContent: t.draftReview })] : []));
    }
  });
};
