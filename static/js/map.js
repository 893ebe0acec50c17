// Coverage maps: each is one tab stop; arrow keys move between municipalities (roving focus)
// and Enter opens the municipality's page (the link's own behaviour). A click or Space shows
// the answer in the lookup beside the map (announced there) without leaving the page.
// Without this script every municipality is a plain link.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('svg.coverage-map'), function (svg) {
    var figure = svg.closest('figure');
    var hover = figure && figure.querySelector('.map-hover');
    var links = Array.prototype.slice.call(svg.querySelectorAll('a'));
    if (!links.length) return;
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

    // The answer beside the map; the municipality's page where there is no lookup.
    function show(i) {
      var a = links[i];
      var lookup = window.homestartLookup;
      if (!lookup) {
        location.href = a.href;
        return;
      }
      lookup.showCode(a.getAttribute('data-code')).then(function (ok) {
        if (!ok) location.href = a.href;
      });
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
      var i = links.indexOf(e.target.closest('a'));
      // Keyboard Enter (detail 0) and new-tab clicks keep the link's behaviour.
      if (i < 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.detail === 0) return;
      e.preventDefault();
      setCurrent(i, false);
      show(i);
    });
    function name(e) {
      var a = e.target.closest && e.target.closest('a');
      if (hover && links.indexOf(a) >= 0) hover.textContent = a.getAttribute('aria-label');
    }
    svg.addEventListener('mouseover', name);
    svg.addEventListener('focusin', function (e) {
      var i = links.indexOf(e.target);
      if (i >= 0 && i !== current) setCurrent(i, false);
      name(e);
    });
  });
})();
