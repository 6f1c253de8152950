// The agent console: queue, claim, live chat, resolve, transfer, canned replies, supervisor board.
// Customer text is untrusted: it only ever reaches the page through textContent, never innerHTML.
(() => {
  'use strict';
  const t = JSON.parse(document.getElementById('texts').textContent);
  const $ = id => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };
  const state = { board: null, current: null, presence: 'offline', draftFor: null };

  // WebSockets without the negotiate round trip: behind a round-robin proxy (deploy/) both would otherwise have to
  // reach the same instance.
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/agent', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .build();

  const minutesSince = iso => Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));

  async function refreshBoard() {
    state.board = await connection.invoke('GetBoard');
    renderQueue();
    renderBoard();
    if (state.current) await openChat(state.current, false);
  }

  function renderQueue() {
    const { open, me } = state.board;
    const mine = open.filter(h => h.status === 'assigned' && h.agentId === me);
    const waiting = open.filter(h => h.status === 'queued');
    fill($('mine'), mine, h => chatItem(h, false));
    fill($('waiting'), waiting, h => chatItem(h, true));
  }

  function fill(list, items, render) {
    list.replaceChildren(...(items.length ? items.map(render) : [el('li', { className: 'hint', textContent: t.empty })]));
  }

  function chatItem(h, claimable) {
    const item = el('li', { className: h.id === state.current ? 'active' : '' });
    item.dataset.id = h.id;
    if (claimable) {
      const claim = el('button', { type: 'button', textContent: t.claim });
      claim.addEventListener('click', async e => { e.stopPropagation(); await claimChat(h.id); });
      item.append(claim);
    }
    item.append(
      el('strong', { textContent: h.reference }), ' ',
      el('span', { className: 'meta', textContent: `${h.queue} · ${t.waiting} ${minutesSince(h.requestedAt)} ${t.min}` }),
      el('span', { className: 'last', textContent: h.lastCustomerText ?? '' }));
    item.addEventListener('click', () => openChat(h.id, true));
    return item;
  }

  async function claimChat(id) {
    const won = await connection.invoke('Claim', id);
    if (!won) alert(t.claimLost);
    state.current = id;
    await refreshBoard();
  }

  // Every render of the chat pane comes from the server's transcript, and only the newest request may draw it: appending
  // pushed lines beside a concurrent reload showed a message twice.
  let openSeq = 0;
  async function openChat(id, focus) {
    const seq = ++openSeq;
    $('draft-form').hidden = state.draftFor !== id;
    const chat = await connection.invoke('Open', id);
    if (seq !== openSeq) return;
    state.current = chat ? id : null;
    $('pick').hidden = !!chat;
    $('chat-pane').hidden = !chat;
    if (!chat) return;
    const h = chat.handoff;
    $('chat-head').replaceChildren(
      el('strong', { textContent: `${h.reference} · ${h.userName || t.customer}` }),
      el('div', { className: 'meta', textContent: `${t.reason}: ${t['reason.' + h.reason] ?? h.reason} · ${t.category}: ${h.category ?? '-'} · ${t.language}: ${h.locale} · ${t.channel}: ${h.channelId}` }));
    renderBrief(chat.brief);
    $('lines').replaceChildren(...chat.lines.map(line));
    $('lines').scrollTop = $('lines').scrollHeight;
    const mine = h.status === 'assigned' && h.agentId === state.board.me;
    for (const form of ['send', 'resolve', 'transfer']) $(form).hidden = !mine;
    $('transfer-agent').replaceChildren(el('option', { value: '', textContent: t.toAgent }),
      ...state.board.colleagues.map(a => el('option', { value: a.id, textContent: a.name })));
    for (const item of document.querySelectorAll('ul.chats li')) item.classList.toggle('active', item.dataset.id === String(id));
    if (focus && mine) $('text').focus();
  }

  // The model's brief of the chat in this console's language: a placeholder while it is written, nothing without one.
  function renderBrief(brief) {
    const box = $('brief');
    box.hidden = !brief;
    box.className = 'brief' + (brief?.state === 'pending' ? ' pending' : '');
    if (!brief) return box.replaceChildren();
    if (brief.state !== 'ready' || !brief.brief) return box.replaceChildren(document.createTextNode(t.summarising));
    const b = brief.brief;
    box.replaceChildren(el('h3', { textContent: t.brief }), el('dl', {},
      ...[[t.briefProblem, b.problem], [t.briefOffered, b.offered], [t.briefReferences, b.references], [t.briefMood, b.mood]]
        .flatMap(([label, value]) => [el('dt', { textContent: label }), el('dd', { textContent: value })])));
  }

  function line(l) {
    const who = { user: t.customer, customer: t.customer, bot: t.bot, agent: t.agent, system: t.system }[l.from] ?? l.from;
    return el('li', { className: l.from }, el('span', { className: 'who', textContent: who }), document.createTextNode(l.text));
  }

  function renderBoard() {
    const { agents, open, supervisor } = state.board;
    $('board').hidden = !supervisor;
    if (!supervisor) return;
    $('agents').replaceChildren(...agents.map(a => el('tr', {},
      el('td', { textContent: a.name }), el('td', { textContent: t[a.presence] ?? a.presence }), el('td', { textContent: `${a.load} / ${a.capacity}` }))));
    const queues = new Map();
    for (const h of open.filter(h => h.status === 'queued')) {
      const q = queues.get(h.queue) ?? { count: 0, longest: 0 };
      queues.set(h.queue, { count: q.count + 1, longest: Math.max(q.longest, minutesSince(h.requestedAt)) });
    }
    $('queues').replaceChildren(...(queues.size ? [...queues].map(([name, q]) => el('tr', {},
      el('td', { textContent: name }), el('td', { textContent: String(q.count) }), el('td', { textContent: `${q.longest} ${t.min}` })))
      : [el('tr', {}, el('td', { colSpan: 3, className: 'hint', textContent: t.empty }))]));
  }

  $('presence').addEventListener('change', async e => {
    state.presence = e.target.value;
    await connection.invoke('SetPresence', state.presence);
  });

  let lastTyping = 0;
  $('text').addEventListener('input', () => {
    if (state.current && Date.now() - lastTyping > 3000) {
      lastTyping = Date.now();
      connection.invoke('Typing', state.current).catch(() => {});
    }
  });

  $('send').addEventListener('submit', async e => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text || !state.current) return;
    if (await connection.invoke('Send', state.current, text)) {
      $('text').value = '';
      await openChat(state.current, false);
    }
  });

  $('resolve').addEventListener('submit', async e => {
    e.preventDefault();
    if (await connection.invoke('Resolve', state.current, $('disposition').value, $('resolved').checked, $('note').value || null)) {
      $('resolve').reset();
      await refreshBoard();
    }
  });

  $('transfer').addEventListener('submit', async e => {
    e.preventDefault();
    const agent = $('transfer-agent').value;
    const queue = $('transfer-queue').value.trim();
    if (!agent && !queue) return;
    const outcome = agent ? await connection.invoke('TransferToAgent', state.current, agent)
      : await connection.invoke('TransferToQueue', state.current, queue);
    $('transfer-error').textContent = outcome.error ?? '';
    $('transfer-error').hidden = !outcome.error;
    if (outcome.done) { $('transfer').reset(); await refreshBoard(); }
  });

  window.agentKnowledge({ connection, state, t, $, el });

  connection.on('queueChanged', () => refreshBoard());
  connection.on('handoffChanged', () => refreshBoard());
  connection.on('customerMessage', id => {
    if (id === state.current) $('typing').hidden = true;
    refreshBoard();
  });
  connection.on('briefReady', id => { if (id === state.current) openChat(id, false); });
  connection.on('customerTyping', id => { if (id === state.current) $('typing').hidden = false; });
  // Presence is the agent's, over all their tabs: a change in one shows in the others.
  connection.on('presenceChanged', presence => { state.presence = presence; $('presence').value = presence; });
  connection.onreconnecting(() => { $('connection').hidden = false; });
  connection.onreconnected(async () => {
    $('connection').hidden = true;
    await connection.invoke('SetPresence', state.presence);
    await refreshBoard();
  });

  connection.start().then(refreshBoard).then(() => {
    // Another tab may already have set it (or this one was reloaded within the grace period).
    state.presence = state.board.myPresence;
    $('presence').value = state.presence;
    document.body.dataset.ready = 'true';
  });
})();
