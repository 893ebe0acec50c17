// Coverage map: one tab stop with arrow keys between municipalities (roving focus), Enter
// opens the municipality's page (the link's own behaviour), a click or Space shows the answer
// beside the map and announces it. Without this script every municipality is a plain link.
(function () {
  'use strict';
  var svg = document.querySelector('svg.coverage-map');
  var dataEl = document.getElementById('map-data');
  var answer = document.getElementById('map-answer');
  var hover = document.getElementById('map-hover');
  if (!svg || !dataEl || !answer) return;
  var data = JSON.parse(dataEl.textContent);
  var links = Array.prototype.slice.call(svg.querySelectorAll('a'));
  var centre = links.map(function (a) {
    var c = (a.getAttribute('data-c') || '0 0').split(' ');
    return [Number(c[0]), Number(c[1])];
  });
  var current = 0;

  function setCurrent(i, focus) {
    links[current].setAttribute('tabindex', '-1');
    current = i;
    links[i].setAttribute('tabindex', '0');
    if (focus) links[i].focus();
  }

  // The nearest municipality whose centre lies in the arrow's direction (within 60°).
  function neighbour(i, dx, dy) {
    var best = -1, bestScore = Infinity;
    for (var j = 0; j < links.length; j++) {
      if (j === i) continue;
      var vx = centre[j][0] - centre[i][0], vy = centre[j][1] - centre[i][1];
      var along = vx * dx + vy * dy;
      if (along <= 0) continue;
      var across = Math.abs(vx * dy - vy * dx);
      if (across > along * 1.8) continue;
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = j; }
    }
    return best;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function link(href, text, cls) {
    var a = el('a', text, cls);
    a.href = href;
    return a;
  }

  function show(i) {
    var item = data.items[links[i].getAttribute('data-code')];
    if (!item) return;
    answer.textContent = '';
    var h = el('h2', item.heading);
    answer.appendChild(h);
    item.services.forEach(function (s) {
      var p = el('p');
      p.appendChild(document.createTextNode(data.t.offered_by + ' '));
      p.appendChild(link(s.url, s.location));
      p.appendChild(document.createTextNode(' (' + s.coverage + '; ' + s.ages + ')'));
      answer.appendChild(p);
      var call = el('p');
      call.appendChild(document.createTextNode(data.t.call + ': '));
      call.appendChild(link(s.phone.href, s.phone.display, 'phone'));
      if (s.coordinator) call.appendChild(document.createTextNode(' – ' + s.coordinator));
      answer.appendChild(call);
    });
    answer.appendChild(el('p')).appendChild(link(item.url, item.more));
  }

  svg.addEventListener('keydown', function (e) {
    var i = links.indexOf(e.target.closest ? e.target.closest('a') : e.target);
    if (i < 0) return;
    var dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (dir) {
      e.preventDefault();
      var j = neighbour(i, dir[0], dir[1]);
      if (j >= 0) setCurrent(j, true);
    } else if (e.key === ' ') {
      e.preventDefault();
      show(i);
    }
  });
  svg.addEventListener('click', function (e) {
    var a = e.target.closest('a');
    var i = links.indexOf(a);
    if (i < 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.detail === 0) return; // keyboard Enter and new-tab clicks navigate
    e.preventDefault();
    setCurrent(i, false);
    show(i);
  });
  function name(e) {
    var a = e.target.closest && e.target.closest('a');
    var i = links.indexOf(a);
    if (hover && i >= 0) hover.textContent = data.items[a.getAttribute('data-code')].name;
  }
  svg.addEventListener('mouseover', name);
  svg.addEventListener('focusin', function (e) {
    var i = links.indexOf(e.target);
    if (i >= 0 && i !== current) setCurrent(i, false);
    name(e);
  });
})();
