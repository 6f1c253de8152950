// Starts a conversation with the local Direct Line endpoint through the unmodified npm client
// (botframework-directlinejs), sends one message and waits for its echo and the bot's reply.
// Usage: node talk.js <domain> <websocket|polling|reconnect> <text>
// reconnect: over WebSocket; after the first answer the socket is closed under the client, which fetches a new streamUrl
// (GET conversations/{id}) and opens it as Web Chat does after a network drop; a second message must then be answered.
// Prints one line "RESULT <json>" and exits 0, or prints the problem and exits 1.
'use strict';

const [domain, mode, text] = process.argv.slice(2);
if (!domain || !['websocket', 'polling', 'reconnect'].includes(mode) || !text) {
  console.error('usage: node talk.js <domain> <websocket|polling|reconnect> <text>');
  process.exit(2);
}

// Node 20 has neither XMLHttpRequest (used by the client's RxJS ajax) nor a global WebSocket; the
// client needs the WebSocket name even when polling. The mode is chosen by the webSocket option.
global.XMLHttpRequest = require('xhr2');
// Every socket the client opens, with its URL, so the reconnect mode can close one and report what the URLs carried.
const sockets = [];
global.WebSocket = class RecordedWebSocket extends require('ws') {
  constructor(url, ...rest) {
    super(url, ...rest);
    sockets.push({ url: String(url), socket: this });
  }
};
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const fail = (message) => {
  console.error(`FAIL ${message}`);
  process.exit(1);
};
const patience = mode === 'reconnect' ? 40000 : 20000;
setTimeout(() => fail(`no echo and bot reply within ${patience / 1000} s (${mode})`), patience).unref();

async function main() {
  const response = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
  if (!response.ok) fail(`tokens/generate answered ${response.status}`);
  const { token } = await response.json();

  // random 0: the client's reconnect waits its shortest delay (3 s) instead of up to 15 s.
  const directLine = new DirectLine({ token, domain, webSocket: mode !== 'polling', pollingInterval: 200, random: () => 0 });
  const seen = [];
  let postedId;
  let sent = false;
  let firstRound;

  const post = (message, clientActivityID) => directLine
    .postActivity({ type: 'message', text: message, from: { id: 'node-test', name: 'Node test' }, channelData: { clientActivityID } })
    .subscribe((id) => {
      postedId = id;
      check();
    }, (error) => fail(`postActivity failed: ${error && error.status}`));

  const reconnectThenPost = () => {
    sockets[0].socket.close();
    const waiting = setInterval(() => {
      const next = sockets[1];
      if (next && next.socket.readyState === 1) {
        clearInterval(waiting);
        post('How do I reset my password?', 'node-2');
      }
    }, 50);
  };

  const check = () => {
    const echo = seen.find((a) => a.id === postedId);
    const reply = seen.find((a) => a.type === 'message' && a.replyToId === postedId && a.from && a.from.role === 'bot');
    if (!echo || !reply) return;
    if (mode === 'reconnect' && !firstRound) {
      firstRound = { postedId, echo, reply };
      postedId = undefined;
      reconnectThenPost();
      return;
    }
    const result = { mode, postedId, echo, reply, webSocket: directLine.webSocket, firstRound, token: directLine.token, socketUrls: sockets.map((s) => s.url) };
    console.log('RESULT ' + JSON.stringify(result));
    directLine.end();
    process.exit(0);
  };

  directLine.activity$.subscribe((activity) => {
    seen.push(activity);
    check();
  }, (error) => fail(`activity stream failed: ${error && error.message}`));

  directLine.connectionStatus$.subscribe((status) => {
    if (status === ConnectionStatus.FailedToConnect) fail('failed to connect');
    if (status === ConnectionStatus.Online && !sent) {
      sent = true;
      post(text, 'node-1');
    }
  });
}

main().catch((error) => fail(error && error.stack));
