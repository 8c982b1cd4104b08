// Follows a live training run: the server pushes the page's new content as Server-Sent Events.
(function () {
  'use strict';
  var content = document.getElementById('content');
  var connection = document.getElementById('connection');
  var source = new EventSource('events');

  function show(state, text) {
    document.body.setAttribute('data-connection', state);
    connection.className = 'connection ' + state;
    connection.textContent = text;
  }

  source.addEventListener('open', function () {
    show('open', 'live');
  });
  source.addEventListener('update', function (message) {
    var update = JSON.parse(message.data);
    content.innerHTML = update.html;
    document.title = update.title;
    document.body.setAttribute('data-version', String(update.version));
    if (update.finished) {
      // The run is over: nothing more will come, so stop the browser from reconnecting.
      source.close();
      show('finished', 'run finished');
    }
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      show('closed', 'disconnected');
    } else {
      show('reconnecting', 'reconnecting\u2026');
    }
  });
})();
