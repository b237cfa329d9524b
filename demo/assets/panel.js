// The demo's live panel: what this page has stored (cookies, localStorage) and requested
// (Resource Timing), redrawn after each decision (garde:consent) and every second, so anyone can
// see that nothing is stored or sent before consent. Built with DOM APIs and textContent only:
// the page runs under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  var requests = [];
  var $ = function (id) {
    return document.getElementById(id);
  };

  // What tracks the visitor, as opposed to the page's own files and garde's anonymous,
  // cookie-free page count (/collect), which is what minimised analytics sends before consent.
  var tracking = /pixel\.gif|video-embed|_pk_|video_visitor/;

  function fill(list, items) {
    if (!list) return;
    var nodes = items.map(function (item) {
      var li = document.createElement('li');
      var code = document.createElement('code');
      code.textContent = item.text;
      li.append(code);
      if (item.note) li.append(' ' + item.note);
      if (tracking.test(item.text)) li.className = 'tracking';
      return li;
    });
    if (!nodes.length) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = list.dataset.empty || '–';
      nodes.push(none);
    }
    list.replaceChildren.apply(list, nodes);
  }

  // A category's label from the page's garde config, in the page's language.
  function label(k) {
    var l = window.garde.config.categories[k].label;
    return (typeof l == 'string' ? l : l && l[document.documentElement.lang]) || k;
  }

  function short(value) {
    return value.length > 28 ? value.slice(0, 27) + '…' : value;
  }

  function draw() {
    var cookies = document.cookie ? document.cookie.split(/; */) : [];
    fill(
      $('panel-cookies'),
      cookies.map(function (c) {
        var i = c.indexOf('=');
        return { text: c.slice(0, i), note: '= ' + short(c.slice(i + 1)) };
      }),
    );
    var keys = [];
    try {
      for (var i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
    } catch {
      /* storage blocked: nothing to show */
    }
    fill(
      $('panel-storage'),
      keys.sort().map(function (k) {
        return { text: k, note: '= ' + short(localStorage.getItem(k) || '') };
      }),
    );
    fill(
      $('panel-requests'),
      requests.map(function (r) {
        var u = new URL(r.name);
        return {
          text:
            (u.origin == location.origin ? '' : u.origin) +
            u.pathname +
            (u.search ? short(u.search) : ''),
          note: '(' + r.initiatorType + ')',
        };
      }),
    );
    var state = $('panel-consent');
    if (state) {
      var c = window.garde && window.garde.consent;
      state.textContent = c
        ? Object.keys(c.categories)
            .filter(function (k) {
              return k != 'necessary';
            })
            .map(function (k) {
              return label(k) + (c.categories[k] ? ' ✓' : ' ✗');
            })
            .join(' · ')
        : state.dataset.none || '–';
    }
  }

  if ('PerformanceObserver' in window) {
    new PerformanceObserver(function (list) {
      requests = requests.concat(list.getEntries());
      draw();
    }).observe({ type: 'resource', buffered: true });
  }
  document.addEventListener('garde:consent', function () {
    setTimeout(draw);
  });
  setInterval(draw, 1000);
  draw();
})();
