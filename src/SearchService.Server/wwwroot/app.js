// The researchers' page: search, a report, a cited document across wards, a citation basket.
// Plain JavaScript over the JSON routes of the same API (/v1/...); every view is a URL (#view?params).
'use strict';

(function () {
  const PAGE_SIZE = 10;
  const FACETS = [
    { field: 'ward', filter: 'wards', label: 'Phường' },
    { field: 'district', filter: 'districts', label: 'Quận' },
    { field: 'year', filter: 'years', label: 'Năm' },
    { field: 'topic', filter: 'topics', label: 'Chủ đề' },
  ];
  const STYLES = [
    { value: 'text', label: 'Văn bản', ext: 'txt', mime: 'text/plain' },
    { value: 'markdown', label: 'Markdown', ext: 'md', mime: 'text/markdown' },
    { value: 'csl_json', label: 'CSL-JSON', ext: 'json', mime: 'application/json' },
    { value: 'bibtex', label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  ];
  const KINDS = {
    resolution: 'Nghị quyết', directive: 'Chỉ thị', decision: 'Quyết định', regulation: 'Quy định',
    conclusion: 'Kết luận', scheme: 'Đề án', programme: 'Chương trình', plan: 'Kế hoạch',
    official_letter: 'Công văn', notice: 'Thông báo', guidance: 'Hướng dẫn', decree: 'Nghị định',
    circular: 'Thông tư', law: 'Luật',
  };
  const BASKET_KEY = 'searchservice.basket';
  const app = document.getElementById('app');
  // Page tokens seen, by search (without page) and page number, so that "previous" and bookmarks of later
  // pages work within a visit.
  const tokens = new Map();
  let renderSeq = 0;

  // ---------- small helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const svgNs = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  // Ids and references hold slashes: each segment is escaped, the slashes stay.
  function pathOf(value) {
    return String(value).split('/').map(encodeURIComponent).join('/');
  }

  async function api(method, path, params, body) {
    const qs = params ? '?' + params.toString() : '';
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path + qs, init);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : {}; } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.message ? data.message : 'HTTP ' + response.status;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  // Dates as Hanoi readers write them: dd/mm/yyyy, Hanoi time (UTC+7).
  function hanoi(timestamp) {
    if (!timestamp) return null;
    const d = new Date(timestamp);
    if (isNaN(d)) return null;
    return new Date(d.getTime() + 7 * 3600 * 1000);
  }
  function two(n) { return String(n).padStart(2, '0'); }
  function formatDate(timestamp) {
    const d = hanoi(timestamp);
    return d ? `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : '';
  }
  function formatDateTime(timestamp) {
    const d = hanoi(timestamp);
    return d ? `${formatDate(timestamp)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : '';
  }
  function number(n) { return Number(n || 0).toLocaleString('vi-VN'); }

  function place(doc) {
    if (doc.ward && doc.district) return `Phường ${doc.ward}, quận ${doc.district}`;
    if (doc.district) return `Quận ${doc.district}`;
    if (doc.ward) return `Phường ${doc.ward}`;
    return 'Không rõ địa bàn';
  }

  // Text with [start, end) ranges marked; ranges may carry a class and a title.
  function marked(text, ranges, cls) {
    const out = [];
    let at = 0;
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    for (const r of sorted) {
      const start = Math.max(r.start || 0, at);
      const end = Math.min(r.end || 0, text.length);
      if (end <= start) continue;
      if (start > at) out.push(text.slice(at, start));
      const mark = el('mark', { class: r.cls || cls, title: r.title }, text.slice(start, end));
      out.push(r.href ? el('a', { href: r.href, class: 'mark-link' }, mark) : mark);
      at = end;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }

  function errorBox(error) {
    return el('div', { class: 'error', role: 'alert' }, 'Lỗi: ', error.message || String(error));
  }

  // Replaces a node's children; arrays are flattened and empty values left out, as in el().
  function fill(node, ...children) {
    node.replaceChildren();
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function setView(name, ...children) {
    fill(app, ...children);
    for (const a of document.querySelectorAll('[data-nav]')) {
      a.classList.toggle('active', a.dataset.nav === name);
    }
  }

  function hashFor(view, params) {
    const qs = params && params.toString();
    return '#' + view + (qs ? '?' + qs : '');
  }

  function go(view, params) {
    const target = hashFor(view, params);
    if (location.hash === target) render();
    else location.hash = target;
  }

  // ---------- the citation basket (kept in this browser; its view's URL carries the ids) ----------

  function basket() {
    try {
      const items = JSON.parse(localStorage.getItem(BASKET_KEY) || '[]');
      return Array.isArray(items) ? items.filter(i => i && typeof i.id === 'string') : [];
    } catch (e) {
      return [];
    }
  }
  function saveBasket(items) {
    localStorage.setItem(BASKET_KEY, JSON.stringify(items));
    updateBasketCount();
  }
  function inBasket(id) { return basket().some(i => i.id === id); }
  function toggleBasket(doc) {
    const items = basket();
    const at = items.findIndex(i => i.id === doc.id);
    if (at >= 0) items.splice(at, 1);
    else items.push({ id: doc.id, title: doc.title || doc.id });
    saveBasket(items);
    return at < 0;
  }
  function updateBasketCount() {
    const items = basket();
    document.getElementById('basket-count').textContent = String(items.length);
    const params = new URLSearchParams();
    for (const i of items) params.append('id', i.id);
    document.getElementById('basket-link').setAttribute('href', hashFor('basket', params));
  }
  function basketButton(doc) {
    const label = () => inBasket(doc.id) ? '✓ Trong danh mục' : '+ Trích dẫn';
    const button = el('button', {
      type: 'button', class: 'basket-toggle', 'data-id': doc.id,
      onclick: () => { toggleBasket(doc); button.textContent = label(); button.classList.toggle('on', inBasket(doc.id)); },
    }, label());
    button.classList.toggle('on', inBasket(doc.id));
    return button;
  }

  // ---------- search ----------

  function searchState(params) {
    const state = { q: params.get('q') || '', order: params.get('order') || 'relevance', page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1), filters: {} };
    for (const f of FACETS) state.filters[f.field] = params.getAll(f.field);
    return state;
  }

  function searchParams(state, page) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const f of FACETS) for (const v of state.filters[f.field]) p.append(f.field, v);
    if (state.order && state.order !== 'relevance') p.set('order', state.order);
    if (page && page > 1) p.set('page', String(page));
    return p;
  }

  function apiSearchParams(state, { facets, without, pageSize, token }) {
    const p = new URLSearchParams();
    if (state.q) p.set('query', state.q);
    for (const f of FACETS) {
      if (f.field === without) continue;
      for (const v of state.filters[f.field]) p.append('filter.' + f.filter, v);
    }
    for (const f of facets) p.append('facets', f);
    p.set('page_size', String(pageSize));
    p.set('facet_size', '30');
    if (state.order !== 'relevance') p.set('order_by', state.order);
    if (token) p.set('page_token', token);
    return p;
  }

  // The page's token: page 1 has none; a later one was seen on this visit, or is reached by walking the pages.
  async function tokenFor(state, page) {
    const key = searchParams(state, 1).toString();
    let known = 1;
    let token = '';
    for (let p = page; p > 1; p--) {
      if (tokens.has(key + '#' + p)) { known = p; token = tokens.get(key + '#' + p); break; }
    }
    while (known < page) {
      const r = await api('GET', 'v1/search', apiSearchParams(state, { facets: [], pageSize: PAGE_SIZE, token }));
      if (!r.nextPageToken) return null;
      known++;
      token = r.nextPageToken;
      tokens.set(key + '#' + known, token);
    }
    return token;
  }

  async function renderSearch(params, seq) {
    const state = searchState(params);
    const input = el('input', { type: 'search', name: 'q', id: 'q', value: state.q, placeholder: 'Ví dụ: chỉ thị 05, "dân vận khéo", giải phóng mặt bằng -covid', 'aria-label': 'Từ khóa' });
    const order = el('select', { id: 'order', 'aria-label': 'Sắp xếp' },
      [['relevance', 'Phù hợp nhất'], ['date_desc', 'Mới nhất'], ['date_asc', 'Cũ nhất']].map(([v, l]) => el('option', { value: v, selected: v === state.order }, l)));
    const form = el('form', {
      class: 'search-form', role: 'search',
      onsubmit: e => { e.preventDefault(); go('search', searchParams({ ...state, q: input.value.trim(), order: order.value }, 1)); },
    }, input, order, el('button', { type: 'submit' }, 'Tìm'));
    order.addEventListener('change', () => form.requestSubmit());

    const facetsBox = el('aside', { class: 'facets', id: 'facets' });
    const results = el('section', { class: 'results', id: 'results' }, el('p', { class: 'muted' }, 'Đang tìm…'));
    setView('search', form, el('div', { class: 'search-body' }, facetsBox, results));
    if (!state.q) input.focus();

    try {
      const token = await tokenFor(state, state.page);
      if (seq !== renderSeq) return;
      if (token === null) {
        go('search', searchParams(state, 1));
        return;
      }
      const main = api('GET', 'v1/search', apiSearchParams(state, { facets: FACETS.map(f => f.field), pageSize: PAGE_SIZE, token }));
      // Multi-select facets: a field with values chosen is counted without its own filter, so its other values
      // keep their counts and can be added (OR within a field, AND across fields).
      const own = FACETS.filter(f => state.filters[f.field].length > 0).map(f =>
        api('GET', 'v1/search', apiSearchParams(state, { facets: [f.field], without: f.field, pageSize: 1 })).then(r => [f.field, r]));
      const [response, ...owns] = await Promise.all([main, ...own]);
      if (seq !== renderSeq) return;
      if (response.nextPageToken) tokens.set(searchParams(state, 1).toString() + '#' + (state.page + 1), response.nextPageToken);
      const facetValues = {};
      for (const f of response.facets || []) facetValues[f.field] = f.values || [];
      for (const [field, r] of owns) {
        const f = (r.facets || []).find(x => x.field === field);
        facetValues[field] = f ? f.values || [] : [];
      }
      fill(facetsBox, ...renderFacets(state, facetValues));
      fill(results, ...renderResults(state, response));
    } catch (error) {
      if (seq !== renderSeq) return;
      fill(results, errorBox(error));
    }
  }

  function renderFacets(state, values) {
    const out = [];
    const chosen = FACETS.flatMap(f => state.filters[f.field].map(v => ({ f, v })));
    if (chosen.length) {
      out.push(el('div', { class: 'chosen' },
        chosen.map(({ f, v }) => el('a', { class: 'chip', href: hashFor('search', toggled(state, f.field, v)), title: 'Bỏ lọc' }, `${f.label}: ${v} ✕`)),
        el('a', { class: 'chip clear', href: hashFor('search', searchParams({ ...state, filters: Object.fromEntries(FACETS.map(f => [f.field, []])) }, 1)) }, 'Bỏ tất cả')));
    }
    for (const f of FACETS) {
      const list = values[f.field] || [];
      const selected = new Set(state.filters[f.field]);
      // A chosen value is shown even when the other filters leave it no report.
      for (const v of selected) if (!list.some(x => x.value === v)) list.push({ value: v, count: 0 });
      if (f.field === 'year') list.sort((a, b) => Number(b.value) - Number(a.value));
      // Chosen values first, so a long list never hides what is ticked.
      list.sort((a, b) => Number(selected.has(b.value)) - Number(selected.has(a.value)));
      const items = list.map(v => el('li', {},
        el('a', {
          href: hashFor('search', toggled(state, f.field, v.value)),
          class: 'facet-value' + (selected.has(v.value) ? ' selected' : ''),
          'data-facet': f.field, 'data-value': v.value, role: 'checkbox', 'aria-checked': selected.has(v.value) ? 'true' : 'false',
        }, el('span', { class: 'box' }, selected.has(v.value) ? '☑' : '☐'), el('span', { class: 'facet-label' }, v.value), el('span', { class: 'count' }, number(v.count)))));
      // On a phone the facets start folded (a ticked one stays open), so the results are in view.
      const open = selected.size > 0 || !window.matchMedia('(max-width: 760px)').matches;
      out.push(el('details', { class: 'facet', open, 'data-field': f.field },
        el('summary', {}, f.label),
        items.length ? el('ul', {}, items) : el('p', { class: 'muted' }, 'Không có')));
    }
    return out;
  }

  function toggled(state, field, value) {
    const filters = {};
    for (const f of FACETS) filters[f.field] = [...state.filters[f.field]];
    const list = filters[field];
    const at = list.indexOf(value);
    if (at >= 0) list.splice(at, 1);
    else list.push(value);
    return searchParams({ ...state, filters }, 1);
  }

  function renderResults(state, response) {
    const out = [];
    const total = Number(response.totalSize || 0);
    const interpretation = response.interpretation || {};
    const notices = [];
    if (interpretation.relaxed && (interpretation.droppedWords || []).length) {
      const words = interpretation.droppedWords.join(' ');
      notices.push(el('p', { class: 'notice relaxed' }, 'Không có kết quả cho ', el('strong', {}, words), '; hiển thị kết quả không có ', interpretation.droppedWords.length > 1 ? 'các từ đó.' : 'từ đó.'));
    } else if (interpretation.relaxed) {
      notices.push(el('p', { class: 'notice relaxed' }, 'Không báo cáo nào có đủ mọi từ; hiển thị các báo cáo có nhiều từ nhất trước.'));
    }
    if ((interpretation.corrections || []).length) {
      notices.push(el('p', { class: 'notice' }, 'Đã hiểu: ', interpretation.corrections.map((c, i) => [i ? ', ' : '', el('del', {}, c.typed), ' → ', el('strong', {}, c.corrected), c.kind === 'input_method' ? ' (gõ không dấu)' : ' (sửa lỗi gõ)'])));
    }
    if ((interpretation.referenceKeys || []).length) {
      notices.push(el('p', { class: 'notice' }, 'Các báo cáo trích dẫn ',
        interpretation.referenceKeys.map((k, i) => [i ? ', ' : '', el('a', { href: hashFor('ref', new URLSearchParams({ r: k })) }, k)]), ' được xếp trước.'));
    }
    out.push(...notices);
    const first = (state.page - 1) * PAGE_SIZE + 1;
    const results = response.results || [];
    out.push(el('p', { class: 'summary', id: 'summary' }, total === 0 ? 'Không tìm thấy báo cáo nào.'
      : `${number(total)} báo cáo · ${number(first)}–${number(first + results.length - 1)}`));
    out.push(el('ol', { class: 'result-list', start: String(first) }, results.map(r => renderResult(r))));
    const prev = state.page > 1 ? el('a', { class: 'page prev', href: hashFor('search', searchParams(state, state.page - 1)), rel: 'prev' }, '‹ Trang trước') : null;
    const next = response.nextPageToken ? el('a', { class: 'page next', href: hashFor('search', searchParams(state, state.page + 1)), rel: 'next' }, 'Trang sau ›') : null;
    if (prev || next) out.push(el('nav', { class: 'pager', 'aria-label': 'Trang' }, prev, el('span', { class: 'page-number' }, `Trang ${state.page}`), next));
    return out;
  }

  function renderResult(result) {
    const doc = result.document || {};
    const link = hashFor('doc', new URLSearchParams({ id: doc.id }));
    return el('li', { class: 'result', 'data-id': doc.id },
      el('h3', {}, el('a', { href: link, class: 'result-title' }, doc.title || doc.id)),
      el('p', { class: 'meta' }, place(doc), doc.publishedAt ? ' · ' + formatDate(doc.publishedAt) : '', (doc.topics || []).length ? ' · ' + doc.topics.join(', ') : ''),
      (result.snippets || []).map(s => el('p', { class: 'snippet' }, '…', marked(s.text || '', s.highlights || [], 'hit'), '…')),
      (result.missingWords || []).length ? el('p', { class: 'missing' }, 'Thiếu: ', result.missingWords.map((w, i) => [i ? ' ' : '', el('s', {}, w)])) : null,
      el('p', { class: 'actions' }, el('span', { class: 'doc-id' }, doc.id), basketButton(doc)));
  }

  // ---------- one report ----------

  async function renderDocument(params, seq) {
    const id = params.get('id') || '';
    const focus = params.get('key') || '';
    setView('doc', el('p', { class: 'muted' }, 'Đang tải…'));
    try {
      const doc = await api('GET', 'v1/documents/' + pathOf(id));
      if (seq !== renderSeq) return;
      const rows = [
        ['Mã', doc.id],
        ['Phường', doc.ward || '—'],
        ['Quận', doc.district || '—'],
        ['Ngày đăng', formatDateTime(doc.publishedAt) || 'không rõ'],
        ['Năm được đề cập', (doc.periodYears || []).join(', ') || '—'],
        ['Chuyên mục', doc.category || '—'],
        ['Chủ đề', (doc.topics || []).join(', ') || '—'],
        ['Tệp nguồn', doc.sourcePath || '—'],
        ['Lượt xem', Number(doc.viewCount) >= 0 ? number(doc.viewCount) : 'không rõ'],
      ];
      const meta = el('table', { class: 'meta-table' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))),
        doc.url ? el('tr', {}, el('th', { scope: 'row' }, 'Địa chỉ gốc'), el('td', {}, el('a', { href: doc.url, rel: 'noopener', target: '_blank' }, doc.url))) : null));
      const evidence = (doc.topicEvidence || []).length
        ? el('ul', { class: 'evidence' }, doc.topicEvidence.map(t => el('li', {}, el('strong', {}, t.topic), ' — dấu hiệu: ', (t.cues || []).join(', ') || '—', el('span', { class: 'muted' }, ` (điểm ${Number(t.score || 0).toFixed(2)})`))))
        : el('p', { class: 'muted' }, 'Không có chủ đề.');
      const mentions = doc.mentions || [];
      const mentionList = mentions.length
        ? el('table', { class: 'mentions-table' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Văn bản'), el('th', {}, 'Loại'), el('th', {}, 'Viết trong báo cáo'))),
          el('tbody', {}, mentions.map(m => el('tr', { class: m.key === focus ? 'focus' : null },
            el('td', {}, el('a', { href: hashFor('ref', new URLSearchParams({ r: m.key })) }, m.key)),
            el('td', {}, KINDS[m.kind] || m.kind),
            el('td', {}, m.text)))))
        : el('p', { class: 'muted' }, 'Báo cáo không trích dẫn văn bản nào.');
      const ranges = mentions.map(m => ({ start: m.start, end: m.end, cls: 'mention' + (m.key === focus ? ' focus' : ''), title: `${KINDS[m.kind] || m.kind} ${m.key}`, href: hashFor('ref', new URLSearchParams({ r: m.key })) }));
      const body = el('div', { class: 'doc-text', id: 'doc-text' }, marked(doc.text || '', ranges, 'mention'));
      setView('doc',
        el('article', { class: 'document', 'data-id': doc.id },
          el('p', { class: 'back' }, el('a', { href: '#search', onclick: e => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, '‹ Quay lại')),
          el('h1', {}, doc.title || doc.id),
          el('p', { class: 'actions' }, basketButton(doc)),
          meta,
          el('h2', {}, 'Chủ đề và căn cứ'), evidence,
          el('h2', {}, `Văn bản được trích dẫn (${mentions.length})`), mentionList,
          el('h2', {}, 'Toàn văn'), body));
      const first = body.querySelector('mark.focus');
      if (first) first.scrollIntoView({ block: 'center' });
    } catch (error) {
      if (seq !== renderSeq) return;
      setView('doc', el('p', { class: 'back' }, el('a', { href: '#search' }, '‹ Tìm kiếm')), errorBox(error));
    }
  }

  // ---------- a cited document across wards ----------

  async function renderReference(params, seq) {
    const ref = params.get('r') || '';
    const by = params.get('by') === 'district' ? 'district' : 'ward';
    const input = el('input', { type: 'search', id: 'ref-input', value: ref, placeholder: 'Ví dụ: Chỉ thị 05, NQ TW4, 05-CT/TƯ', 'aria-label': 'Văn bản' });
    const form = el('form', {
      class: 'search-form', onsubmit: e => {
        e.preventDefault();
        const p = new URLSearchParams();
        if (input.value.trim()) p.set('r', input.value.trim());
        if (by !== 'ward') p.set('by', by);
        go('ref', p);
      },
    }, input, el('button', { type: 'submit' }, 'Xem'));
    const body = el('section', { id: 'ref-body' }, el('p', { class: 'muted' }, 'Đang tải…'));
    setView('ref', el('h1', {}, 'Văn bản được trích dẫn'), form, body);
    try {
      if (!ref) {
        const list = await api('GET', 'v1/references', new URLSearchParams({ page_size: '50' }));
        if (seq !== renderSeq) return;
        fill(body, 
          el('p', {}, `${number(list.totalSize)} văn bản được các báo cáo trích dẫn; nhiều nhất trước. Gõ tên văn bản theo bất kỳ cách viết nào.`),
          el('table', { class: 'data-table', id: 'references-table' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Văn bản'), el('th', {}, 'Mã'), el('th', { class: 'num' }, 'Báo cáo'), el('th', { class: 'num' }, 'Lần nhắc'))),
            el('tbody', {}, (list.references || []).map(k => el('tr', {},
              el('td', {}, el('a', { href: hashFor('ref', new URLSearchParams({ r: k.key })) }, k.label || k.key)),
              el('td', {}, k.key), el('td', { class: 'num' }, number(k.documentCount)), el('td', { class: 'num' }, number(k.mentionCount)))))));
        return;
      }
      const path = 'v1/references/' + pathOf(ref);
      const [summary, hits] = await Promise.all([
        api('GET', path + ':summarize', new URLSearchParams({ group_by: by })),
        allMentions(path),
      ]);
      if (seq !== renderSeq) return;
      const keys = summary.keys || [];
      if (!keys.length) {
        fill(body, el('p', { class: 'notice' }, `Không báo cáo nào trích dẫn “${ref}”.`));
        return;
      }
      const tabs = el('p', { class: 'tabs' }, 'Theo: ',
        [['ward', 'phường'], ['district', 'quận']].map(([v, l]) => {
          const p = new URLSearchParams({ r: ref });
          if (v !== 'ward') p.set('by', v);
          return el('a', { href: hashFor('ref', p), class: v === by ? 'active' : null, 'data-by': v }, l);
        }).flatMap((a, i) => i ? [' · ', a] : [a]));
      const groups = summary.groups || [];
      const docInfo = new Map();
      for (const h of hits.mentions) {
        if (!docInfo.has(h.documentId)) docInfo.set(h.documentId, { id: h.documentId, title: h.documentTitle, ward: h.ward, district: h.district, publishedAt: h.publishedAt, key: h.key });
      }
      const label = v => v || (by === 'ward' ? '(cấp quận, không thuộc phường)' : '(không rõ quận)');
      const shortLabel = v => v || (by === 'ward' ? '(cấp quận)' : '(không rõ quận)');
      const districtOf = g => {
        const set = new Set(g.documentIds.map(id => (docInfo.get(id) || {}).district).filter(Boolean));
        return [...set].join(', ');
      };
      const table = el('table', { class: 'data-table', id: 'reference-table' },
        el('thead', {}, el('tr', {}, el('th', {}, by === 'ward' ? 'Phường' : 'Quận'), by === 'ward' ? el('th', {}, 'Quận') : null,
          el('th', { class: 'num' }, 'Báo cáo'), el('th', { class: 'num' }, 'Lần nhắc'), el('th', {}, 'Lần đầu'), el('th', {}, 'Lần cuối'), el('th', {}, 'Các báo cáo'))),
        el('tbody', {}, groups.map(g => el('tr', { 'data-group': g.value },
          el('td', {}, label(g.value)), by === 'ward' ? el('td', {}, districtOf(g)) : null,
          el('td', { class: 'num' }, number(g.documentCount)), el('td', { class: 'num' }, number(g.mentionCount)),
          el('td', {}, formatDate(g.firstPublished)), el('td', {}, formatDate(g.lastPublished)),
          el('td', { class: 'docs' }, (g.documentIds || []).map(id => el('a', { href: hashFor('doc', new URLSearchParams({ id, key: (docInfo.get(id) || {}).key || '' })), title: (docInfo.get(id) || {}).title || id }, id)))))));
      const totalDocs = keys.reduce((n, k) => n + Number(k.documentCount || 0), 0);
      fill(body, 
        el('p', { class: 'resolved', id: 'resolved' }, 'Hiểu là: ', keys.map((k, i) => [i ? '; ' : '', el('strong', {}, k.label || k.key), ` (${k.key}): ${number(k.documentCount)} báo cáo, ${number(k.mentionCount)} lần nhắc`])),
        tabs,
        el('h2', {}, 'Dòng thời gian'),
        timeline(groups, docInfo, shortLabel),
        hits.truncated ? el('p', { class: 'muted' }, `Biểu đồ vẽ ${number(hits.mentions.length)} lần nhắc đầu tiên.`) : null,
        el('h2', {}, `Nơi trích dẫn (${number(groups.length)} ${by === 'ward' ? 'phường' : 'quận'}, ${number(totalDocs)} báo cáo)`),
        el('div', { class: 'table-wrap' }, table),
        el('p', {}, el('a', { href: hashFor('search', new URLSearchParams({ q: ref })) }, `Tìm các báo cáo nhắc “${ref}”`)));
    } catch (error) {
      if (seq !== renderSeq) return;
      fill(body, errorBox(error));
    }
  }

  // Every mention of the reference, for the chart: up to ten pages of 100.
  async function allMentions(path) {
    const mentions = [];
    let token = '';
    for (let page = 0; page < 10; page++) {
      const p = new URLSearchParams({ page_size: '100' });
      if (token) p.set('page_token', token);
      const r = await api('GET', path + ':mentions', p);
      mentions.push(...(r.mentions || []));
      token = r.nextPageToken || '';
      if (!token) return { mentions, truncated: false };
    }
    return { mentions, truncated: true };
  }

  // One row per ward (or district), one mark per report at its publication date; each mark links to the report.
  function timeline(groups, docInfo, label) {
    const rows = groups.map(g => ({ label: label(g.value), docs: (g.documentIds || []).map(id => docInfo.get(id)).filter(d => d && hanoi(d.publishedAt)) }));
    const times = rows.flatMap(r => r.docs.map(d => hanoi(d.publishedAt).getTime()));
    if (!times.length) return el('p', { class: 'muted' }, 'Các báo cáo không có ngày đăng.');
    const minYear = new Date(Math.min(...times)).getUTCFullYear();
    const maxYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
    const left = 190, right = 20, top = 28, rowH = 26;
    const width = 900, height = top + rows.length * rowH + 10;
    const t0 = Date.UTC(minYear, 0, 1), t1 = Date.UTC(maxYear, 0, 1);
    const x = t => left + (width - left - right) * (t - t0) / (t1 - t0);
    const parts = [];
    for (let y = minYear; y <= maxYear; y++) {
      const xx = x(Date.UTC(y, 0, 1));
      parts.push(svg('line', { x1: xx, x2: xx, y1: top - 6, y2: height - 6, class: 'grid' }));
      if (y < maxYear) parts.push(svg('text', { x: xx + 4, y: top - 12, class: 'year' }, String(y)));
    }
    rows.forEach((r, i) => {
      const cy = top + i * rowH + rowH / 2;
      const shown = r.label.length > 24 ? r.label.slice(0, 23) + '…' : r.label;
      parts.push(svg('text', { x: left - 8, y: cy + 4, class: 'row-label', 'text-anchor': 'end' }, shown, svg('title', {}, r.label)));
      parts.push(svg('line', { x1: left, x2: width - right, y1: cy, y2: cy, class: 'row-line' }));
      for (const d of r.docs) {
        const href = hashFor('doc', new URLSearchParams({ id: d.id, key: d.key || '' }));
        parts.push(svg('a', { href, class: 'mark', 'data-id': d.id },
          svg('circle', { cx: x(hanoi(d.publishedAt).getTime()).toFixed(1), cy, r: 6 }),
          svg('title', {}, `${formatDate(d.publishedAt)} — ${d.title || d.id}`)));
      }
    });
    return el('div', { class: 'chart-wrap' },
      svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', id: 'timeline', role: 'img', 'aria-label': 'Dòng thời gian các báo cáo trích dẫn, mỗi hàng một địa bàn' }, parts));
  }

  // ---------- the basket ----------

  async function renderBasket(params, seq) {
    // The URL's ids are the list, so a shared link opens the same list; it replaces this browser's basket only
    // when that is empty, and never silently.
    const urlIds = params.getAll('id');
    const stored = basket();
    let items = stored;
    let shared = false;
    if (urlIds.length) {
      items = urlIds.map(id => stored.find(i => i.id === id) || { id, title: id });
      shared = stored.length > 0 && (stored.length !== urlIds.length || stored.some((i, n) => i.id !== urlIds[n]));
      if (!stored.length) saveBasket(items);
    }
    const style = STYLES.find(s => s.value === params.get('style')) || STYLES[0];
    const ref = params.get('r') || '';
    const styleSelect = el('select', { id: 'style', 'aria-label': 'Định dạng' }, STYLES.map(s => el('option', { value: s.value, selected: s === style }, s.label)));
    const refInput = el('input', { type: 'text', id: 'quote-ref', value: ref, placeholder: 'Trích câu nhắc văn bản (tùy chọn), ví dụ: Chỉ thị 05' });
    const stateParams = (overrides) => {
      const p = new URLSearchParams();
      for (const i of overrides.items ?? items) p.append('id', i.id);
      const s = overrides.style ?? styleSelect.value;
      if (s !== 'text') p.set('style', s);
      const r = overrides.r ?? refInput.value.trim();
      if (r) p.set('r', r);
      return p;
    };
    const form = el('form', { class: 'basket-form', onsubmit: e => { e.preventDefault(); go('basket', stateParams({})); } },
      el('label', {}, 'Định dạng ', styleSelect), el('label', { class: 'grow' }, 'Trích dẫn câu ', refInput), el('button', { type: 'submit' }, 'Tạo danh mục'));
    styleSelect.addEventListener('change', () => form.requestSubmit());
    const list = el('ol', { class: 'basket-list', id: 'basket-list' }, items.map(i => el('li', { 'data-id': i.id },
      el('a', { href: hashFor('doc', new URLSearchParams({ id: i.id })) }, i.title || i.id), ' ', i.title && i.title !== i.id ? el('span', { class: 'doc-id' }, i.id) : null, ' ',
      el('button', {
        type: 'button', class: 'remove', onclick: () => {
          const rest = items.filter(x => x.id !== i.id);
          if (!shared) saveBasket(rest);
          go('basket', stateParams({ items: rest }));
        },
      }, 'Bỏ'))));
    const sharedNote = shared ? el('p', { class: 'notice' }, `Danh mục này mở từ một đường dẫn; danh mục của bạn (${stored.length} báo cáo) giữ nguyên. `,
      el('button', { type: 'button', id: 'adopt', onclick: () => { saveBasket(items); go('basket', stateParams({})); } }, 'Dùng danh mục này')) : null;
    const output = el('section', { id: 'citations' });
    setView('basket', el('h1', {}, 'Danh mục trích dẫn'),
      items.length ? [sharedNote, list, form, output] : el('p', { class: 'muted' }, 'Chưa có báo cáo nào. Bấm “+ Trích dẫn” bên cạnh một kết quả tìm kiếm hoặc trong một báo cáo.'));
    if (!items.length) return;
    output.append(el('p', { class: 'muted' }, 'Đang tạo…'));
    try {
      const r = await api('POST', 'v1/citations:build', undefined, { documentIds: items.map(i => i.id), style: style.value, reference: ref });
      if (seq !== renderSeq) return;
      const text = r.formatted || '';
      const pre = el('pre', { class: 'formatted', id: 'formatted', 'data-style': style.value }, text);
      const copy = el('button', {
        type: 'button', onclick: async () => {
          try { await navigator.clipboard.writeText(text); copy.textContent = 'Đã sao chép'; } catch (e) { copy.textContent = 'Không sao chép được: hãy chọn và sao chép'; }
        },
      }, 'Sao chép');
      const download = el('a', { class: 'button', id: 'download', download: `trich-dan.${style.ext}`, href: URL.createObjectURL(new Blob([text], { type: style.mime + ';charset=utf-8' })) }, `Tải xuống .${style.ext}`);
      fill(output, el('p', { class: 'actions' }, copy, ' ', download), pre);
    } catch (error) {
      if (seq !== renderSeq) return;
      fill(output, errorBox(error));
    }
  }

  // ---------- routing ----------

  function render() {
    const seq = ++renderSeq;
    const hash = location.hash.replace(/^#/, '');
    const at = hash.indexOf('?');
    const view = (at >= 0 ? hash.slice(0, at) : hash) || 'search';
    const params = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
    updateBasketCount();
    window.scrollTo(0, 0);
    // data-state and data-rendered say when a view has its answer (for the browser tests and the bench).
    document.body.dataset.state = 'loading';
    const views = { doc: renderDocument, ref: renderReference, basket: renderBasket };
    const rendered = (views[view] || renderSearch)(params, seq);
    Promise.resolve(rendered).finally(() => {
      if (seq === renderSeq) {
        document.body.dataset.rendered = location.hash;
        document.body.dataset.state = 'ready';
        performance.mark('searchservice-ready');
      }
    });
  }

  window.addEventListener('hashchange', render);
  window.addEventListener('storage', updateBasketCount);
  render();
})();
