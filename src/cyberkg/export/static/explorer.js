/* cyberkg explorer: draws the views embedded in this page with Cytoscape.js.
 *
 * Every string from the data (names, quotes, IRIs) reaches the page through
 * textContent or Cytoscape's canvas, never through innerHTML, so text from a
 * transcript is shown as text and never run.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('cyberkg-data').textContent);
  var MAX_RESULTS = 30;
  var state = { view: null, cy: null, hidden: {} };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function swatch(kind) {
    var s = el('span', null, 'swatch');
    s.style.backgroundColor = (data.nodeKinds[kind] || {}).colour || '#999';
    return s;
  }

  function sourceName(iri) {
    return data.sources[iri] || iri;
  }

  function nodeSize(degree, big) {
    return big ? Math.min(10 + 4 * Math.log2(1 + degree), 36) : Math.min(18 + 7 * Math.log2(1 + degree), 64);
  }

  function elements(view) {
    var degree = {};
    view.edges.forEach(function (e) {
      degree[e.source] = (degree[e.source] || 0) + 1;
      degree[e.target] = (degree[e.target] || 0) + 1;
    });
    var nodes = view.nodes.map(function (n) {
      var style = data.nodeKinds[n.kind] || {};
      return {
        group: 'nodes',
        data: { id: n.id, label: n.label, kind: n.kind, colour: style.colour, shape: style.shape, size: nodeSize(degree[n.id] || 0, view.nodes.length > 300) },
        position: { x: n.x, y: n.y }
      };
    });
    var edges = view.edges.map(function (e) {
      var style = data.edgeKinds[e.kind] || {};
      return {
        group: 'edges',
        data: {
          id: e.id, source: e.source, target: e.target, kind: e.kind, colour: style.colour, line: style.line,
          width: Math.min(1 + Math.log2(e.weight), 8)
        }
      };
    });
    return nodes.concat(edges);
  }

  function stylesheet(view) {
    var big = view.edges.length > 1500;
    // Small views show every label; big ones show labels once zoomed in far enough to read them.
    var minFont = view.nodes.length <= 80 ? 0 : 8;
    return [
      { selector: 'node', style: {
        'background-color': 'data(colour)', 'shape': 'data(shape)', 'width': 'data(size)', 'height': 'data(size)',
        'border-width': 1, 'border-color': '#333', 'label': 'data(label)', 'font-size': 11,
        'font-family': '"WenQuanYi Zen Hei", "Noto Sans CJK SC", "DejaVu Sans", sans-serif',
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 170,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
        'min-zoomed-font-size': minFont
      } },
      { selector: 'edge', style: {
        'width': 'data(width)', 'line-color': 'data(colour)', 'line-style': 'data(line)', 'opacity': 0.75,
        'curve-style': big ? 'haystack' : 'bezier',
        'target-arrow-shape': view.directed && !big ? 'triangle' : 'none', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.8
      } },
      { selector: 'node.hover, node:selected, node.neighbour, node.hit', style: { 'min-zoomed-font-size': 0, 'z-index': 10 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111' } },
      { selector: 'node.hit', style: { 'border-width': 3, 'border-color': '#d00' } },
      { selector: 'edge:selected', style: { 'line-color': '#111', 'target-arrow-color': '#111', 'opacity': 1, 'z-index': 10 } },
      { selector: '.faded', style: { 'opacity': 0.15, 'text-opacity': 0 } }
    ];
  }

  function renderLegend(view) {
    var nodeList = document.getElementById('node-kinds');
    var edgeList = document.getElementById('edge-kinds');
    clear(nodeList);
    clear(edgeList);
    var counts = {};
    view.nodes.forEach(function (n) { counts[n.kind] = (counts[n.kind] || 0) + 1; });
    Object.keys(data.nodeKinds).forEach(function (kind) {
      if (!counts[kind]) return;
      var li = el('li');
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = !state.hidden[kind];
      box.setAttribute('data-kind', kind);
      box.addEventListener('change', function () {
        state.hidden[kind] = !box.checked;
        applyFilter();
      });
      label.appendChild(box);
      label.appendChild(swatch(kind));
      label.appendChild(el('span', data.nodeKinds[kind].legend));
      label.appendChild(el('span', counts[kind], 'count'));
      li.appendChild(label);
      nodeList.appendChild(li);
    });
    var edgeCounts = {};
    view.edges.forEach(function (e) { edgeCounts[e.kind] = (edgeCounts[e.kind] || 0) + 1; });
    Object.keys(data.edgeKinds).forEach(function (kind) {
      if (!edgeCounts[kind]) return;
      var li = el('li');
      var label = el('label');
      var line = el('span', null, 'line');
      line.style.borderTopColor = data.edgeKinds[kind].colour;
      line.style.borderTopStyle = data.edgeKinds[kind].line;
      label.appendChild(line);
      label.appendChild(el('span', kind));
      label.appendChild(el('span', edgeCounts[kind], 'count'));
      li.appendChild(label);
      edgeList.appendChild(li);
    });
    document.getElementById('view-title').textContent = view.title;
  }

  function applyFilter() {
    var cy = state.cy;
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.style('display', state.hidden[n.data('kind')] ? 'none' : 'element');
      });
    });
    updateCounts();
  }

  function updateCounts() {
    var cy = state.cy;
    var nodes = cy.nodes().filter(function (n) { return n.visible(); }).length;
    var edges = cy.edges().filter(function (e) { return e.visible(); }).length;
    document.getElementById('counts').textContent = nodes + ' nodes · ' + edges + ' edges';
  }

  function quoteList(title, quotes, total) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el('h3', title + ' (' + total + ')'));
    if (!quotes.length) {
      frag.appendChild(el('p', 'No quote in the graph.', 'hint'));
      return frag;
    }
    var ol = el('ol');
    quotes.forEach(function (q) {
      var li = el('li');
      li.appendChild(el('blockquote', q.t));
      var where = sourceName(q.s);
      if (q.a >= 0) where += ', characters ' + q.a + '–' + q.b;
      li.appendChild(el('cite', where));
      ol.appendChild(li);
    });
    frag.appendChild(ol);
    if (total > quotes.length) frag.appendChild(el('p', (total - quotes.length) + ' more in the graph.', 'hint'));
    return frag;
  }

  function facts(pairs) {
    var dl = el('dl');
    pairs.forEach(function (pair) {
      if (pair[1] === '' || pair[1] === undefined || pair[1] === null) return;
      dl.appendChild(el('dt', pair[0]));
      dl.appendChild(el('dd', pair[1]));
    });
    return dl;
  }

  function nodeButton(id) {
    var node = state.view.byId[id];
    var b = el('button', null, 'link');
    b.type = 'button';
    b.appendChild(swatch(node.kind));
    b.appendChild(document.createTextNode(' ' + node.label));
    b.addEventListener('click', function () { focusNode(id); });
    return b;
  }

  function showNode(id) {
    var n = state.view.byId[id];
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('h2', n.label));
    var badge = el('span', null, 'kind-badge');
    badge.appendChild(swatch(n.kind));
    badge.appendChild(el('span', (data.nodeKinds[n.kind] || {}).legend || n.kind));
    panel.appendChild(badge);
    panel.appendChild(facts([['IRI', n.iri], ['class', n.cls], ['evidence', String(n.evidence)], ['side', n.side]]));
    if (n.props.length) {
      panel.appendChild(el('h3', 'Properties'));
      panel.appendChild(facts(n.props));
    }
    panel.appendChild(quoteList('Evidence', n.quotes, n.evidence));
    var links = state.view.edges.filter(function (e) { return e.source === id || e.target === id; });
    if (links.length) {
      panel.appendChild(el('h3', 'Connections (' + links.length + ')'));
      var ul = el('ul', null, 'links');
      links.slice(0, 200).forEach(function (e) {
        var li = el('li');
        var other = e.source === id ? e.target : e.source;
        li.appendChild(el('span', (e.source === id ? e.kind + ' →' : '← ' + e.kind) + (e.weight > 1 ? ' ×' + e.weight : ''), 'muted'));
        li.appendChild(nodeButton(other));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  function showEdge(id) {
    var e = state.view.edgeById[id];
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('h2', e.kind));
    panel.appendChild(nodeButton(e.source));
    panel.appendChild(el('p', state.view.directed ? '↓ ' + e.kind : '— ' + e.kind, 'muted'));
    panel.appendChild(nodeButton(e.target));
    panel.appendChild(facts([['IRI', e.iri], ['weight', String(e.weight)], ['detail', e.detail], ['evidence', String(e.evidence)]]));
    if (e.through.length) {
      panel.appendChild(el('h3', 'Read through (' + e.through.length + ')'));
      var ul = el('ul', null, 'links');
      e.through.forEach(function (iri) { ul.appendChild(el('li', iri, 'muted')); });
      panel.appendChild(ul);
    }
    panel.appendChild(quoteList('Evidence', e.quotes, e.evidence));
  }

  function highlight(node) {
    var cy = state.cy;
    cy.batch(function () {
      cy.elements().removeClass('faded neighbour');
      if (!node) return;
      var hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass('faded');
      hood.nodes().addClass('neighbour');
    });
  }

  function focusNode(id) {
    var node = state.cy.getElementById(id);
    if (!node || node.empty()) return;
    if (state.hidden[node.data('kind')]) {
      state.hidden[node.data('kind')] = false;
      renderLegend(state.view);
      applyFilter();
    }
    state.cy.elements().unselect();
    node.select();
    highlight(node);
    state.cy.animate({ center: { eles: node }, zoom: Math.max(state.cy.zoom(), 1.1) }, { duration: 250 });
    showNode(id);
  }

  function search(text) {
    var list = document.getElementById('results');
    clear(list);
    var cy = state.cy;
    cy.nodes().removeClass('hit');
    var q = text.trim().toLocaleLowerCase();
    if (!q) return [];
    var hits = state.view.nodes.filter(function (n) {
      if (n.label.toLocaleLowerCase().indexOf(q) >= 0) return true;
      return n.props.some(function (p) { return /label|name|acronym/i.test(p[0]) && p[1].toLocaleLowerCase().indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) {
      var sa = a.label.toLocaleLowerCase().indexOf(q) === 0 ? 0 : 1;
      var sb = b.label.toLocaleLowerCase().indexOf(q) === 0 ? 0 : 1;
      return sa - sb || a.label.localeCompare(b.label);
    });
    cy.batch(function () {
      hits.forEach(function (n) { cy.getElementById(n.id).addClass('hit'); });
    });
    hits.slice(0, MAX_RESULTS).forEach(function (n) {
      var li = el('li');
      li.setAttribute('role', 'option');
      var b = el('button');
      b.type = 'button';
      b.appendChild(swatch(n.kind));
      b.appendChild(document.createTextNode(' ' + n.label + ' '));
      b.appendChild(el('span', (data.nodeKinds[n.kind] || {}).legend || n.kind, 'kind'));
      b.addEventListener('click', function () { clear(list); focusNode(n.id); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (!hits.length) list.appendChild(el('li', 'No match.', 'hint'));
    return hits;
  }

  function showView(index) {
    var view = data.views[index];
    view.byId = {};
    view.nodes.forEach(function (n) { view.byId[n.id] = n; });
    view.edgeById = {};
    view.edges.forEach(function (e) { view.edgeById[e.id] = e; });
    state.view = view;
    if (state.cy) state.cy.destroy();
    var big = view.nodes.length > 400;
    var cy = cytoscape({
      container: document.getElementById('graph'),
      elements: elements(view),
      style: stylesheet(view),
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.02,
      maxZoom: 5,
      hideEdgesOnViewport: big,
      textureOnViewport: view.nodes.length > 2000,
      selectionType: 'single'
    });
    state.cy = cy;
    cy.on('tap', 'node', function (evt) { highlight(evt.target); showNode(evt.target.id()); });
    cy.on('tap', 'edge', function (evt) { highlight(null); showEdge(evt.target.id()); });
    cy.on('tap', function (evt) {
      if (evt.target === cy) { highlight(null); }
    });
    cy.on('mouseover', 'node', function (evt) { evt.target.addClass('hover'); });
    cy.on('mouseout', 'node', function (evt) { evt.target.removeClass('hover'); });
    renderLegend(view);
    applyFilter();
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('p', 'Click a node or an edge to see what the graph says of it and the words of the transcript that state it.', 'hint'));
    var input = document.getElementById('search');
    if (input.value) search(input.value);
    cy.one('render', function () {
      document.documentElement.setAttribute('data-ready', 'true');
    });
  }

  function init() {
    var select = document.getElementById('view-select');
    data.views.forEach(function (view, i) {
      var option = el('option', view.kind);
      option.value = String(i);
      select.appendChild(option);
    });
    select.parentNode.hidden = data.views.length < 2;
    select.addEventListener('change', function () { showView(Number(select.value)); });
    var input = document.getElementById('search');
    input.addEventListener('input', function () { search(input.value); });
    input.addEventListener('keydown', function (evt) {
      if (evt.key === 'Enter') {
        var hits = search(input.value);
        if (hits.length) {
          clear(document.getElementById('results'));
          focusNode(hits[0].id);
        }
      } else if (evt.key === 'Escape') {
        input.value = '';
        search('');
      }
    });
    document.getElementById('fit').addEventListener('click', function () {
      highlight(null);
      state.cy.fit(undefined, 30);
    });
    showView(0);
    window.cyberkgExplorer = { cy: function () { return state.cy; }, focusNode: focusNode, search: search, showView: showView };
  }

  init();
}());
