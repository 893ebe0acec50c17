// The lookup: one field that finds a municipality, town or postcode and shows whether
// Home-Start is offered there, with the location, ages, coordinator and phone. It follows the
// WAI-ARIA combobox pattern (list autocomplete): arrow keys move through the suggestions,
// Enter chooses, Escape closes or clears. The index (data/lookup-<lang>.json, built with the
// site) is fetched the first time the field is used. Without this script the form submits
// to the A–Z list of municipalities. The coverage map shows its answers here too
// (window.homestartLookup.showCode).
(function () {
  'use strict';
  var root = document.querySelector('.lookup');
  if (!root) return;
  var form = root.querySelector('form');
  var input = root.querySelector('#lookup-q');
  var list = root.querySelector('#lookup-list');
  var status = root.querySelector('#lookup-status');
  var answer = root.querySelector('#lookup-answer');
  var failed = root.querySelector('.lookup-failed');
  var MAX = 8;
  var data = null, entries = [], postcodes = {}, byCode = {}, loading = null;
  var options = [], active = -1, statusTimer = 0, last = { text: null, result: null };

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  // The same folding as the build's: case, accents, apostrophes and punctuation do not count.
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’‘`]/g, '').toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  // Each value is isolated (U+2068 … U+2069), so a Dutch name or a postcode keeps its own
  // direction inside an Arabic or Persian sentence.
  function fill(template, args) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(args, k) ? '\u2068' + String(args[k]) + '\u2069' : m;
    });
  }

  function many(t) { return typeof t === 'number' ? [t] : t; }

  function names(ms) {
    return ms.map(function (m) { return data.m[m][0]; }).join(', ');
  }

  function prepare(d) {
    data = d;
    entries = d.e.map(function (e) {
      var key = fold(e[0]);
      var targets = many(e[1]);
      var hint = e[2] === 0 ? d.t.municipality
        : e[2] === 4 ? fill(d.t.former, { list: names(targets), year: e[3] })
        : fill(e[2] === 1 ? d.t.also : d.t.place, { list: names(targets) });
      return { label: e[0], key: key, flat: key.replace(/ /g, ''), targets: targets, hint: hint, kind: e[2], year: e[3] };
    });
    var start = 0;
    d.z.forEach(function (run) {
      start += run[0];
      for (var i = 0; i < run[1]; i++) postcodes[start + i] = many(run[2]);
    });
    d.m.forEach(function (m, i) { byCode[m[4]] = i; });
  }

  function load() {
    if (!loading) {
      loading = fetch(root.getAttribute('data-index'))
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(prepare)
        .catch(function (e) {
          loading = null;
          failed.hidden = false;
          throw e;
        });
    }
    return loading;
  }

  // Optimal string alignment distance: typos, missing or extra letters, swapped neighbours.
  function distance(a, b) {
    var prev2 = [], prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
      }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // How far the typed text is from the name, or from the start of it (typing is unfinished).
  function typo(q, name) {
    var best = Infinity;
    for (var n = q.length - 1; n <= q.length + 1; n++) {
      if (n > 0 && n <= name.length) best = Math.min(best, distance(q, name.slice(0, n)));
    }
    return best;
  }

  function byRank(a, b) {
    return a[0] - b[0] || a[1].kind - b[1].kind || a[1].flat.length - b[1].flat.length ||
      (a[1].key < b[1].key ? -1 : a[1].key > b[1].key ? 1 : 0);
  }

  // Suggestions for the typed text, best first, or a message why there are none.
  function search(text) {
    if (last.text !== text) last = { text: text, result: find(text) };
    return last.result;
  }

  function find(text) {
    var q = fold(text), flat = q.replace(/ /g, '');
    if (!flat) return { items: [], message: '' };
    if (/^\d/.test(flat)) {
      var pc = /^(\d{4})[a-z]{0,2}$/.exec(flat);
      if (!pc) {
        return { items: [], message: /^\d{1,3}$/.test(flat) ? data.t.digits : fill(data.t.none, { query: text.trim() }) };
      }
      var ms = postcodes[Number(pc[1])];
      if (!ms) return { items: [], message: fill(data.t.postcode_unknown, { query: pc[1] }) };
      return { items: [{ label: pc[1], hint: fill(data.t.postcode, { list: names(ms) }), targets: ms, kind: 3 }], exact: true, message: '' };
    }
    var allowed = flat.length >= 8 ? 2 : flat.length >= 4 ? 1 : 0;
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], score = -1;
      if (e.flat === flat) score = 0;
      else if (e.flat.lastIndexOf(flat, 0) === 0) score = 1;
      else if ((' ' + e.key).indexOf(' ' + q) >= 0) score = 2;
      else if (flat.length >= 3 && e.flat.indexOf(flat) > 0) score = 3;
      else if (allowed && (e.flat[0] === flat[0] || e.flat[1] === flat[0])) {
        var d = typo(flat, e.flat);
        if (d <= allowed) score = 3 + d;
      }
      if (score >= 0) hits.push([score, e]);
    }
    hits.sort(byRank);
    return {
      items: hits.slice(0, MAX).map(function (h) { return h[1]; }),
      // Enter answers only a name written in full (case, accents, spaces, apostrophes and
      // hyphens aside); anything else is a question, never a guess.
      exact: hits.length > 0 && hits[0][0] === 0,
      message: hits.length ? '' : fill(data.t.none, { query: text.trim() })
    };
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // A link, or the plain text where the language has no such page.
  function link(href, text, cls) {
    if (!href) return el('span', text, cls);
    var a = el('a', text, cls);
    a.href = href;
    return a;
  }

  // Numbers read left to right, also in right-to-left text.
  function tel(display, e164) {
    var a = link('tel:' + e164, display, 'phone');
    a.dir = 'ltr';
    return a;
  }

  function announce(text, delay) {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.textContent = text; }, delay);
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(i) {
    if (active >= 0 && list.children[active]) list.children[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    var li = list.children[i];
    li.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  function suggest() {
    var result = search(input.value);
    options = result.items;
    list.textContent = '';
    options.forEach(function (o, i) {
      var li = el('li', o.label);
      li.id = 'lookup-opt-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.appendChild(el('span', ' – ' + o.hint, 'lookup-kind'));
      li.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the field
      li.addEventListener('click', function () { choose(o); });
      list.appendChild(li);
    });
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(options.length > 0));
    announce(result.message || (options.length === 1 ? data.t.count_one : fill(data.t.count, { count: options.length })), 600);
    return result;
  }

  // One municipality's answer: offered or not, by which location, ages, phone, coordinators.
  function block(i) {
    var m = data.m[i], offered = m[2].length > 0;
    var div = el('div', null, 'lookup-result ' + (offered ? 'is-offered' : 'is-not-offered'));
    div.appendChild(el('h3', fill(offered ? data.t.offered : data.t.not_offered, { name: m[0] })));
    if (m[5]) div.appendChild(el('p', m[5], 'lookup-part'));
    m[2].forEach(function (s) {
      var loc = data.l[s[0]];
      var p = el('p');
      p.append(data.t.offered_by + ' ', link(loc[1], loc[0]), ' (' + s[1] + '; ' + s[2] + ')');
      div.appendChild(p);
      var call = el('p', null, 'lookup-call');
      call.append(data.t.call + ': ', tel(loc[2], loc[3]));
      div.appendChild(call);
      loc[4].forEach(function (c) {
        var p = el('p');
        p.append(data.t.coordinator + ': ' + c[0] + ', ', tel(c[1], c[2]));
        div.appendChild(p);
      });
    });
    if (!offered && m[3].length) {
      div.appendChild(el('p', data.t.nearest + ':'));
      var ul = el('ul');
      m[3].forEach(function (n) {
        var loc = data.l[n[0]];
        var li = el('li');
        li.append(link(loc[1], loc[0]), ' (' + fill(data.t.km, { km: n[1] }) + '): ', tel(loc[2], loc[3]));
        ul.appendChild(li);
      });
      div.appendChild(ul);
    }
    div.appendChild(el('p')).appendChild(link(m[1], fill(data.t.more, { name: m[0] })));
    return div;
  }

  // Every candidate of a name or postcode, each with its answer: never a guess.
  function show(targets, query, kind, year) {
    answer.textContent = '';
    if (kind === 4) {
      // A former municipality: its successors, and since when.
      answer.appendChild(el('p', fill(data.t.former_answer, { query: query, year: year, list: names(targets) }), 'lookup-intro'));
    } else if (targets.length > 1) {
      answer.appendChild(el('p', fill(data.t.in_several, { query: query, count: targets.length }), 'lookup-intro'));
    } else if (kind >= 2) {
      answer.appendChild(el('p', fill(data.t.in_one, { query: query, name: data.m[targets[0]][0] }), 'lookup-intro'));
    }
    targets.forEach(function (m) { answer.appendChild(block(m)); });
  }

  function choose(o) {
    input.value = o.label;
    close();
    announce('', 0);
    show(o.targets, o.label, o.kind, o.year);
  }

  function say(text) {
    answer.textContent = '';
    answer.appendChild(el('p', text, 'lookup-intro'));
  }

  function submit() {
    var result = search(input.value);
    if (active >= 0 && options[active]) choose(options[active]);
    else if (!fold(input.value)) {
      close();
      say(data.t.empty);
    } else if (result.exact) choose(result.items[0]);
    else if (result.items.length) {
      // A name that needed a typo or is unfinished: ask, with the candidates to choose from.
      say(fill(data.t.did_you_mean, { list: result.items.slice(0, 3).map(function (o) { return o.label; }).join(', ') }));
      suggest();
    } else if (result.message) {
      close();
      say(result.message);
    }
  }

  input.addEventListener('focus', function () { load().catch(function () {}); });
  input.addEventListener('input', function () {
    load().then(suggest).catch(function () {});
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!data) return;
      e.preventDefault();
      if (list.hidden) {
        suggest();
        if (e.altKey) return;
      }
      if (!options.length) return;
      var step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.value = '';
      e.preventDefault();
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
  form.addEventListener('submit', function (e) {
    if (failed.hidden === false && !data) return; // the index cannot load: the A–Z list answers
    e.preventDefault();
    load().then(submit).catch(function () { form.submit(); });
  });

  window.homestartLookup = {
    // Shows the answer for a municipality code (from the map); resolves to false if it
    // cannot, so the map falls back to the municipality's page.
    showCode: function (code) {
      return load().then(function () {
        var i = byCode[code];
        if (i === undefined) return false;
        show([i], data.m[i][0], 0);
        answer.scrollIntoView({ block: 'nearest' });
        return true;
      }).catch(function () { return false; });
    }
  };

  // The A–Z page is where the form goes without JavaScript; with it, answer there too.
  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    load().then(submit).catch(function () {});
  }
})();
