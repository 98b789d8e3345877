// Search over function names and summaries. The index comes from search-index.js (a script, not a fetched
// file), so search works from file:// too. Results are built with textContent: no markup from data.
(function () {
  'use strict';
  var input = document.getElementById('search');
  var list = document.getElementById('results');
  var index = window.SPECLOOM_SEARCH || [];

  function rank(entry, terms) {
    return terms.filter(function (t) { return entry.name.indexOf(t) >= 0; }).length;
  }

  function matches(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    return index.filter(function (e) {
      var text = (e.name + ' ' + e.fullName + ' ' + e.summary + ' ' + e.provider).toLowerCase();
      return terms.every(function (t) { return text.indexOf(t) >= 0; });
    }).sort(function (a, b) { return rank(b, terms) - rank(a, terms); }).slice(0, 40);
  }

  function span(className, text) {
    var s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { list.hidden = true; return; }
    var found = matches(query);
    if (!found.length) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'No function matches “' + query.trim() + '”.';
      list.appendChild(none);
    }
    found.forEach(function (e) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = e.url;
      var name = document.createElement('code');
      name.textContent = e.name;
      link.appendChild(name);
      link.appendChild(span('badge ' + e.operation, e.operation));
      link.appendChild(span('provider', e.provider));
      link.appendChild(span('summary', e.summary));
      link.addEventListener('click', function () { list.hidden = true; });
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  input.addEventListener('input', function () { show(input.value); });
  input.addEventListener('keydown', function (event) {
    var first = list.querySelector('a');
    if (event.key === 'Enter' && first) window.location.href = first.href;
    if (event.key === 'Escape') { input.value = ''; show(''); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  document.addEventListener('click', function (event) {
    if (!event.target.closest('.search')) list.hidden = true;
  });

  // Example tabs: choosing a language shows it in every function's examples on the page (Lua first).
  var tabGroups = document.querySelectorAll('.examples');
  function choose(language) {
    tabGroups.forEach(function (group) {
      group.querySelectorAll('[role="tab"]').forEach(function (tab) {
        tab.setAttribute('aria-selected', String(tab.getAttribute('data-tab') === language));
      });
      group.querySelectorAll('[role="tabpanel"]').forEach(function (panel) {
        panel.hidden = panel.getAttribute('data-tab') !== language;
      });
    });
  }
  if (tabGroups.length) {
    document.documentElement.classList.add('js-tabs');
    choose('lua');
    document.addEventListener('click', function (event) {
      var tab = event.target.closest('.examples [role="tab"]');
      if (!tab) return;
      var top = tab.getBoundingClientRect().top;
      choose(tab.getAttribute('data-tab'));
      window.scrollBy(0, tab.getBoundingClientRect().top - top);   // keep the clicked tab where it was
    });
  }

  // On a phone the contents start folded so the reference comes first.
  var contents = document.querySelector('nav.toc details');
  if (contents && window.matchMedia('(max-width: 860px)').matches) contents.open = false;
})();
