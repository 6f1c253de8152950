// Starts a conversation with the local Direct Line endpoint through the unmodified npm client
// (botframework-directlinejs), sends one message and waits for its echo and the bot's reply.
// Usage: node talk.js <domain> <websocket|polling> <text>
// Prints one line "RESULT <json>" and exits 0, or prints the problem and exits 1.
'use strict';

const [domain, mode, text] = process.argv.slice(2);
if (!domain || !['websocket', 'polling'].includes(mode) || !text) {
  console.error('usage: node talk.js <domain> <websocket|polling> <text>');
  process.exit(2);
}

// Node 20 has neither XMLHttpRequest (used by the client's RxJS ajax) nor a global WebSocket; the
// client needs the WebSocket name even when polling. The mode is chosen by the webSocket option.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const fail = (message) => {
  console.error(`FAIL ${message}`);
  process.exit(1);
};
setTimeout(() => fail(`no echo and bot reply within 20 s (${mode})`), 20000).unref();

async function main() {
  const response = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
  if (!response.ok) fail(`tokens/generate answered ${response.status}`);
  const { token } = await response.json();

  const directLine = new DirectLine({ token, domain, webSocket: mode === 'websocket', pollingInterval: 200 });
  const seen = [];
  let postedId;
  let sent = false;

  const check = () => {
    const echo = seen.find((a) => a.id === postedId);
    const reply = seen.find((a) => a.type === 'message' && a.replyToId === postedId && a.from && a.from.role === 'bot');
    if (echo && reply) {
      console.log('RESULT ' + JSON.stringify({ mode, postedId, echo, reply, webSocket: directLine.webSocket }));
      directLine.end();
      process.exit(0);
    }
  };

  directLine.activity$.subscribe((activity) => {
    seen.push(activity);
    check();
  }, (error) => fail(`activity stream failed: ${error && error.message}`));

  directLine.connectionStatus$.subscribe((status) => {
    if (status === ConnectionStatus.FailedToConnect) fail('failed to connect');
    if (status === ConnectionStatus.Online && !sent) {
      sent = true;
      directLine
        .postActivity({ type: 'message', text, from: { id: 'node-test', name: 'Node test' }, channelData: { clientActivityID: 'node-1' } })
        .subscribe((id) => {
          postedId = id;
          check();
        }, (error) => fail(`postActivity failed: ${error && error.status}`));
    }
  });
}

main().catch((error) => fail(error && error.stack));
