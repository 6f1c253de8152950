// The support chat: Web Chat (wwwroot/lib/webchat.js) talking to this app's own Direct Line endpoint.
(function () {
  'use strict';

  var texts = {
    'en-US': {
      title: 'Support',
      subtitle: 'Ask about orders, delivery, returns, payment or your account.',
      connecting: 'Connecting…',
      unavailable: 'Chat is unavailable right now. Please try again in a moment.',
      footer: 'Answers come from our help articles. You can ask for a person at any time.',
      placeholder: 'Type your question'
    },
    'zh-CN': {
      title: '客户支持',
      subtitle: '订单、配送、退货、支付或账户问题，都可以问我们。',
      connecting: '正在连接…',
      unavailable: '聊天暂时不可用，请稍后再试。',
      footer: '回答来自我们的帮助文章。您随时可以要求转人工客服。',
      placeholder: '请输入您的问题'
    }
  };

  // Chinese browsers get the Chinese page and bot; everyone else English.
  var locale = /^zh\b/i.test(navigator.language || '') ? 'zh-CN' : 'en-US';
  var t = texts[locale];

  document.documentElement.lang = locale;
  document.title = t.title;
  document.querySelectorAll('[data-text]').forEach(function (element) {
    element.textContent = t[element.getAttribute('data-text')];
  });

  var domain = location.origin + '/v3/directline';
  var container = document.getElementById('webchat');

  function showError() {
    var status = document.getElementById('chat-status');
    status.textContent = t.unavailable;
    status.className = 'chat-status error';
  }

  var styleOptions = {
    accent: '#0f6cbd',
    backgroundColor: '#ffffff',
    botAvatarInitials: 'S',
    botAvatarBackgroundColor: '#0f6cbd',
    bubbleBackground: '#f0f3f7',
    bubbleBorderRadius: 12,
    bubbleBorderWidth: 0,
    bubbleFromUserBackground: '#0f6cbd',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderWidth: 0,
    hideUploadButton: true,
    // Markdown yes, raw HTML inside it no: a bot or agent message is shown as the text it is, never as elements.
    markdownRenderHTML: false,
    primaryFont: 'inherit',
    rootHeight: '100%',
    sendBoxBorderTop: 'solid 1px #e1e5ea',
    sendBoxHeight: 56,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0f6cbd',
    suggestedActionBorderRadius: 16,
    suggestedActionTextColor: '#0f6cbd',
    suggestedActionLayout: 'flow'
  };

  fetch(domain + '/tokens/generate', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('tokens/generate answered ' + response.status);
      return response.json();
    })
    .then(function (result) {
      // The bot welcomes on this event: Direct Line tells it about the user only after their first message.
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
            }
            return next(action);
          };
        };
      });
      container.textContent = '';
      window.WebChat.renderWebChat({
        directLine: window.WebChat.createDirectLine({ token: result.token, domain: domain }),
        store: store,
        locale: locale,
        // So an agent who took the chat over sees the customer typing (the bot itself ignores typing).
        sendTypingIndicator: true,
        styleOptions: styleOptions,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder }
      }, container);
    })
    .catch(function (error) {
      console.error(error);
      showError();
    });
})();
