// The Taskforge dashboard: reads its first picture over the REST API, then follows every task change
// over the WebSocket /ws/events. No build step, no libraries: plain DOM and SVG.
'use strict';

const KEY_STORAGE = 'taskforge.dashboard.key';
const ACTIVE_STATUSES = ['running', 'retry_scheduled', 'pending'];
const RETRYABLE_STATUSES = ['failed', 'timeout', 'cancelled'];
const FINISHING_EVENTS = new Set(['task_completed', 'task_failed', 'task_cancelled', 'task_timed_out']);
const MOVING_EVENTS = new Set(['task_progressed', 'attempt_started', 'task_started', 'attempt_success', 'attempt_failed']);
const WORKER_EVENTS = new Set(['attempt_started', 'attempt_success', 'attempt_failed', 'task_cancelled', 'task_timed_out']);
const DLQ_EVENTS = new Set(['moved_to_dlq', 'retry_requested', 'task_requeued']);
const ACTIVE_LIMIT = 100;
const DLQ_LIMIT = 100;
const REMEMBERED = 5000;
const REMEMBERED_ACTIVE = 500;
const REMOTE_TABS = new Set(['timeline', 'attempts', 'logs']);
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const PAYMENT_KINDS = new Set(['payment', 'withdrawal', 'refund', 'charge']);

const state = {
    key: null,
    caller: null,
    active: new Map(),
    // tasks the feed saw finish, and when the feed last spoke of each task (performance.now())
    finished: new Set(),
    heardAt: new Map(),
    deadLetters: [],
    throughput: null,
    detail: null,
    retrying: null,
};

// ---------------------------------------------------------------- DOM helpers

const $ = (id) => document.getElementById(id);

/** An element with attributes (on* keys become listeners) and children (strings become text). */
function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else if (name === 'class') element.className = value;
        else if (name === 'dataset') Object.assign(element.dataset, value);
        else element.setAttribute(name, value === true ? '' : value);
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        element.append(child instanceof Node ? child : String(child));
    }
}

function svg(tag, attributes, ...children) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    for (const child of children) element.append(child instanceof Node ? child : String(child));
    return element;
}

function fill(element, ...children) {
    element.replaceChildren();
    append(element, children);
}

const format = {
    count: (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US')),
    percent: (n) => `${(Math.round(n * 10) / 10).toLocaleString('en-US')} %`,
    millis(ms) {
        if (ms === null || ms === undefined) return '–';
        if (ms < 1000) return `${Math.round(ms)} ms`;
        return this.duration(ms / 1000);
    },
    duration(seconds) {
        const s = Math.max(0, Math.floor(seconds));
        if (s < 60) return `${s}s`;
        if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
        return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
    },
    since: (iso) => format.duration((Date.now() - Date.parse(iso)) / 1000),
    time: (iso) => (iso ? new Date(iso).toLocaleTimeString('en-GB', { hour12: false }) : '–'),
    dateTime: (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { hour12: false }) : '–'),
    words: (name) => String(name || '').replaceAll('_', ' '),
    shortId: (id) => String(id || '').slice(0, 8),
    json: (value) => JSON.stringify(value === undefined ? null : value, null, 2),
};

/**
 * Calls a function at most once per interval, the last call always included, and once more when
 * calls have stopped for {@code settle} ms: the read models behind a REST read can lag behind the
 * feed that triggered it, and the settling read sees where they came to rest.
 */
function throttled(interval, action, settle = 0) {
    let timer = null;
    let again = false;
    let quiet = null;
    return function run() {
        if (settle) {
            clearTimeout(quiet);
            quiet = setTimeout(action, settle);
        }
        if (timer) {
            again = true;
            return;
        }
        action();
        timer = setTimeout(() => {
            timer = null;
            if (again) {
                again = false;
                run();
            }
        }, interval);
    };
}

// ---------------------------------------------------------------- the API

class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

async function api(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    if (state.key) headers.Authorization = `Bearer ${state.key}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
        if (response.status === 401 && state.caller) signOut('The key was refused; enter it again.');
        throw new ApiError(response.status, (json && json.detail) || `${response.status} ${response.statusText}`);
    }
    return json;
}

// ---------------------------------------------------------------- signing in

function askForKey(error) {
    const dialog = $('key-dialog');
    $('key-error').hidden = !error;
    $('key-error').textContent = error || '';
    $('key-input').value = '';
    if (!dialog.open) dialog.showModal();
    $('key-input').focus();
}

async function signIn(key) {
    state.key = key;
    try {
        state.caller = await api('/api/v1/me');
    } catch (error) {
        state.key = null;
        state.caller = null;
        const refused = error.status === 401 ? 'That key was refused.' : null;
        const forbidden = error.status === 403 ? 'That key may not read tasks (a worker key?).' : null;
        askForKey(refused || forbidden || `The engine did not answer: ${error.message}`);
        return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    $('key-dialog').close();
    document.body.classList.toggle('read-only', !state.caller.may_operate);
    const who = state.caller.anonymous ? 'no key' : state.caller.role + (state.caller.owner ? ` · ${state.caller.owner}` : '');
    $('caller').textContent = who + (state.caller.may_operate ? '' : ' · read only');
    $('caller').title = state.caller.may_operate ? 'this key may cancel and retry tasks' : 'this key only reads';
    $('sign-out').hidden = false;
    $('dashboard').hidden = false;
    live.start();
    await reload();
    openFromAddress();
}

function signOut(message) {
    live.stop();
    state.key = null;
    state.caller = null;
    sessionStorage.removeItem(KEY_STORAGE);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('caller').textContent = '';
    closeDetail();
    askForKey(message);
}

// ---------------------------------------------------------------- loading over REST

const loaders = {
    async counts() {
        const health = await api('/api/v1/tasks/monitoring/health');
        for (const [name, value] of Object.entries(health.counts)) {
            const element = $(`count-${name}`);
            if (element) element.textContent = format.count(value);
        }
        // a time-out is a failure here, as in the failure rate
        $('count-failed').textContent = format.count(health.counts.failed + health.counts.timeout);
        $('count-failed').title = `${health.counts.failed} failed, ${health.counts.timeout} timed out`;
        $('failure-rate').textContent = format.percent(health.failure_rate);
        $('avg-run').textContent = format.millis(health.avg_execution_time_ms);
        renderBreakers(health.open_circuit_breakers);
    },
    async health() {
        const health = await api('/health');
        const pill = $('health');
        pill.className = `pill ${health.status}`;
        pill.textContent = health.status;
        pill.title = health.reasons.length ? health.reasons.join('\n') : `database ${health.database.latency_ms} ms`;
    },
    async throughput() {
        state.throughput = await api('/api/v1/stats/throughput?minutes=60');
        renderCharts();
    },
    async active() {
        const asked = performance.now();
        // running tasks apart, so that a long backlog of waiting ones cannot push them off the page
        const [running, waiting] = await Promise.all([
            api(`/api/v1/tasks?status=running&limit=${ACTIVE_LIMIT}`),
            api(`/api/v1/tasks?status=retry_scheduled,pending&limit=${ACTIVE_LIMIT}`),
        ]);
        state.active = mergeActive([...running, ...waiting], asked);
        renderActive();
    },
    async deadLetters() {
        // the dead letters say why; the tasks say what (number, description)
        const [page, tasks] = await Promise.all([
            api(`/api/v1/failed-tasks?status=pending&limit=${DLQ_LIMIT}`),
            api(`/api/v1/tasks?status=failed,timeout&limit=${DLQ_LIMIT}`),
        ]);
        const byId = new Map(tasks.map((task) => [task.id, task]));
        state.deadLetters = page.tasks.map((entry) => ({ ...entry, task: byId.get(entry.task_id) || null }));
        renderDeadLetters();
        checkDeadLetterExpectations();
    },
    async workers() {
        const [pool, external] = await Promise.all([api('/api/v1/workers/internal/status'), api('/api/v1/workers')]);
        renderWorkers(pool, external);
    },
};

/**
 * The active list as read over REST, put together with what the feed said while the read was under
 * way: a task the feed saw finish stays gone, and the newer of two versions of a task wins.
 */
function mergeActive(tasks, asked) {
    const merged = new Map();
    for (const task of tasks) {
        if (state.finished.has(task.id)) continue;
        const known = state.active.get(task.id);
        merged.set(task.id, known && Date.parse(known.updated_at) > Date.parse(task.updated_at) ? known : task);
    }
    for (const [id, task] of state.active) {
        if (!merged.has(id) && (state.heardAt.get(id) || 0) > asked) merged.set(id, task);
    }
    return merged;
}

function load(name) {
    return loaders[name]().catch((error) => {
        if (error instanceof ApiError && error.status === 401) return;
        console.warn(`dashboard: could not load ${name}: ${error.message}`);
    });
}

function reload() {
    return Promise.all(Object.keys(loaders).map(load));
}

// Figures the feed does not carry (counts are engine-wide, workers and breakers are no task changes)
// are read again after changes, at most once a second.
const refreshCounts = throttled(
        1000,
        () => {
            load('counts');
            load('health');
        },
        2000);
const refreshDeadLetters = throttled(500, () => load('deadLetters'));
const refreshWorkers = throttled(2000, () => load('workers'), 2000);

/**
 * What the feed said about the dead letter queue and its projection has yet to show: a task moved
 * there must appear, a task retried must leave. The list is read again until it agrees, 20 times at most.
 */
const deadLetterExpectations = new Map();

function expectDeadLetter(id, listed) {
    deadLetterExpectations.set(id, { listed, reads: 0 });
    refreshDeadLetters();
}

function checkDeadLetterExpectations() {
    let unmet = false;
    for (const [id, expectation] of deadLetterExpectations) {
        const listed = state.deadLetters.some((entry) => entry.task_id === id);
        expectation.reads += 1;
        if (listed === expectation.listed || expectation.reads >= 20) deadLetterExpectations.delete(id);
        else unmet = true;
    }
    if (unmet) setTimeout(refreshDeadLetters, 500);
}

// ---------------------------------------------------------------- live updates

const live = {
    socket: null,
    cursor: null,
    retries: 0,
    timer: null,
    running: false,

    start() {
        this.running = true;
        this.cursor = null;
        this.connect();
    },

    stop() {
        this.running = false;
        clearTimeout(this.timer);
        if (this.socket) this.socket.close(1000, 'signed out');
        this.socket = null;
        setLive('off', 'offline');
    },

    async connect() {
        if (!this.running) return;
        setLive('connecting', this.retries ? 'reconnecting…' : 'connecting…');
        let token = null;
        // browsers cannot send a key header on a WebSocket: a fresh short-lived token stands for it
        if (state.key) {
            try {
                token = (await api('/api/v1/live/token', { method: 'POST' })).token;
            } catch (error) {
                this.later();
                return;
            }
        }
        if (!this.running) return;
        const address = new URL('/ws/events', location.href);
        address.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
        if (token) address.searchParams.set('token', token);
        if (this.cursor) address.searchParams.set('after', this.cursor);
        const resumed = Boolean(this.cursor);
        const socket = new WebSocket(address);
        this.socket = socket;
        socket.addEventListener('open', () => {
            this.retries = 0;
            setLive('on', 'live');
            // a fresh feed starts now: what changed before it opened is read over REST once more
            if (!resumed) reload();
        });
        socket.addEventListener('message', (message) => this.receive(JSON.parse(message.data)));
        socket.addEventListener('close', () => {
            if (this.socket !== socket) return;
            this.socket = null;
            this.later();
        });
    },

    later() {
        if (!this.running) return;
        this.retries += 1;
        setLive('connecting', 'reconnecting…');
        const wait = Math.min(10000, 500 * 2 ** Math.min(this.retries - 1, 5));
        this.timer = setTimeout(() => this.connect(), wait);
    },

    receive(message) {
        if (message.cursor) this.cursor = message.cursor;
        if (message.kind === 'resync') {
            // the feed skipped ahead: what it said of finished tasks may be out of date
            state.finished.clear();
            reload();
            if (state.detail) openDetail(state.detail.id, state.detail.tab);
            return;
        }
        if (message.kind === 'task_event') applyChange(message);
    },
};

function setLive(kind, text) {
    const pill = $('live');
    pill.className = `pill live-${kind}`;
    pill.dataset.state = kind;
    pill.textContent = text;
}

/** One task change from the feed, applied to everything on the page that shows the task. */
function applyChange(message) {
    const task = message.task;
    if (task) {
        keepStall(task, state.active.get(task.id), message.event);
        state.heardAt.delete(task.id);
        state.heardAt.set(task.id, performance.now());
        if (ACTIVE_STATUSES.includes(task.status)) {
            // a backlog shows in the counts; the list keeps what it can show and every running task
            if (task.status === 'running' || state.active.has(task.id) || state.active.size < REMEMBERED_ACTIVE) {
                state.active.set(task.id, task);
            }
            state.finished.delete(task.id);
        } else {
            state.active.delete(task.id);
            state.finished.add(task.id);
        }
        forgetOldest(state.heardAt);
        forgetOldest(state.finished);
        drawActive();
    }
    if (FINISHING_EVENTS.has(message.event) && task) countFinished(task, message.timestamp);
    const listed = state.deadLetters.some((entry) => entry.task_id === message.task_id);
    if (message.event === 'moved_to_dlq') expectDeadLetter(message.task_id, true);
    else if (listed && task && !task.in_dlq) expectDeadLetter(message.task_id, false);
    else if (listed || DLQ_EVENTS.has(message.event)) refreshDeadLetters();
    refreshCounts();
    if (WORKER_EVENTS.has(message.event)) refreshWorkers();
    if (state.detail && state.detail.id === message.task_id) followInDetail(message);
}

/** Keeps what the page remembers of tasks it no longer shows bounded: the oldest go first. */
function forgetOldest(remembered) {
    while (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value);
}

/**
 * Live messages carry no stall (the engine finds stalls in its queue, not in events): a known stall
 * stays until the task shows it moves again, and the next read of the active list says the rest.
 */
function keepStall(task, known, event) {
    if (task.stall || !known || !known.stall) return;
    if (!MOVING_EVENTS.has(event)) task.stall = known.stall;
}

// ---------------------------------------------------------------- charts

/** Adds a task that just finished to the current minute of the charts and to its category. */
function countFinished(task, timestamp) {
    const figures = state.throughput;
    if (!figures) return;
    const minute = Math.floor(Date.parse(timestamp) / 60000) * 60000;
    let last = figures.minutes[figures.minutes.length - 1];
    while (Date.parse(last.start) < minute) {
        figures.minutes.shift();
        last = { start: new Date(Date.parse(last.start) + 60000).toISOString(), finished: 0, completed: 0, failed: 0, timeout: 0, cancelled: 0, failure_rate: 0 };
        figures.minutes.push(last);
    }
    const bucket = figures.minutes.find((m) => Date.parse(m.start) === minute);
    const status = task.status;
    for (const target of [bucket, figures.totals, categoryOf(figures, task.category)]) {
        if (!target || !(status in target)) continue;
        target[status] += 1;
        target.finished += 1;
        if ('failure_rate' in target) target.failure_rate = failureRate(target);
    }
    drawCharts();
}

function categoryOf(figures, name) {
    let category = figures.categories.find((c) => c.category === name);
    if (!category) {
        category = { category: name, finished: 0, completed: 0, failed: 0, timeout: 0, cancelled: 0 };
        figures.categories.push(category);
    }
    return category;
}

function failureRate(figures) {
    const judged = figures.completed + figures.failed + figures.timeout;
    return judged ? Math.round(((figures.failed + figures.timeout) * 10000) / judged) / 100 : 0;
}

function renderCharts() {
    const figures = state.throughput;
    if (!figures) return;
    renderThroughput(figures);
    renderFailureRate(figures);
    renderCategories(figures);
}

function chartFrame(container) {
    const width = Math.max(240, container.clientWidth || 480);
    const height = Math.max(120, container.clientHeight || 170);
    return { width, height, left: 34, right: 6, top: 8, bottom: 20 };
}

function axes(frame, chart, max, unit, minutes) {
    const plotHeight = frame.height - frame.top - frame.bottom;
    for (const share of [0, 0.5, 1]) {
        const y = frame.top + plotHeight * (1 - share);
        chart.append(svg('line', { class: share ? 'grid-line' : 'axis', x1: frame.left, x2: frame.width - frame.right, y1: y, y2: y }));
        chart.append(svg('text', { x: frame.left - 6, y: y + 3, 'text-anchor': 'end' }, `${Number((max * share).toFixed(1))}${unit}`));
    }
    const labels = [[0, `-${minutes.length}m`], [0.5, `-${Math.round(minutes.length / 2)}m`], [1, 'now']];
    for (const [share, text] of labels) {
        const x = frame.left + (frame.width - frame.left - frame.right) * share;
        const anchor = share === 0 ? 'start' : share === 1 ? 'end' : 'middle';
        chart.append(svg('text', { x, y: frame.height - 4, 'text-anchor': anchor }, text));
    }
}

function niceMax(value, floor) {
    const target = Math.max(floor, value);
    const magnitude = 10 ** Math.floor(Math.log10(target));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= target) return step * magnitude;
    return target;
}

function renderThroughput(figures) {
    const container = $('throughput-chart');
    const frame = chartFrame(container);
    const minutes = figures.minutes;
    const max = niceMax(Math.max(...minutes.map((m) => m.finished)), 4);
    const chart = svg('svg', { viewBox: `0 0 ${frame.width} ${frame.height}`, preserveAspectRatio: 'none' });
    axes(frame, chart, max, '', minutes);
    const plotWidth = frame.width - frame.left - frame.right;
    const plotHeight = frame.height - frame.top - frame.bottom;
    const slot = plotWidth / minutes.length;
    minutes.forEach((minute, index) => {
        let base = frame.top + plotHeight;
        const x = frame.left + index * slot + slot * 0.15;
        const parts = [['bar-ok', minute.completed], ['bar-bad', minute.failed + minute.timeout], ['bar-muted', minute.cancelled]];
        for (const [kind, value] of parts) {
            if (!value) continue;
            const height = (value / max) * plotHeight;
            base -= height;
            chart.append(svg('rect', { class: kind, x, y: base, width: Math.max(1, slot * 0.7), height },
                svg('title', {}, `${format.time(minute.start)}: ${minute.completed} completed, ${minute.failed + minute.timeout} failed, ${minute.cancelled} cancelled`)));
        }
    });
    fill(container, chart);
    const totals = figures.totals;
    $('throughput-total').textContent = `${format.count(totals.finished)} finished in the last hour`;
}

function renderFailureRate(figures) {
    const container = $('failure-chart');
    const frame = chartFrame(container);
    const minutes = figures.minutes;
    const max = niceMax(Math.max(...minutes.map((m) => m.failure_rate)), 10);
    const chart = svg('svg', { viewBox: `0 0 ${frame.width} ${frame.height}`, preserveAspectRatio: 'none' });
    axes(frame, chart, Math.min(max, 100), '%', minutes);
    const plotWidth = frame.width - frame.left - frame.right;
    const plotHeight = frame.height - frame.top - frame.bottom;
    const slot = plotWidth / minutes.length;
    const scale = Math.min(max, 100);
    const points = minutes.map((minute, index) => [
        frame.left + index * slot + slot / 2,
        frame.top + plotHeight * (1 - Math.min(minute.failure_rate, scale) / scale),
    ]);
    const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    const floor = frame.top + plotHeight;
    chart.append(svg('polygon', { class: 'rate-area', points: `${points[0][0]},${floor} ${line} ${points[points.length - 1][0]},${floor}` }));
    chart.append(svg('polyline', { class: 'rate-line', points: line }));
    minutes.forEach((minute, index) => {
        const judged = minute.completed + minute.failed + minute.timeout;
        if (!judged) return;
        const [x, y] = points[index];
        chart.append(svg('circle', { class: 'rate-point', cx: x, cy: y, r: 3 },
            svg('title', {}, `${format.time(minute.start)}: ${format.percent(minute.failure_rate)} of ${judged} failed`)));
    });
    fill(container, chart);
    $('failure-total').textContent =
        `${format.percent(figures.totals.failure_rate)} of ${format.count(figures.totals.completed + figures.totals.failed + figures.totals.timeout)} judged tasks failed in the last hour`;
}

function renderCategories(figures) {
    const categories = [...figures.categories].sort((a, b) => b.finished - a.finished);
    if (!categories.length) {
        fill($('categories'), h('div', { class: 'empty' }, 'No task finished in the last hour.'));
        return;
    }
    const max = Math.max(...categories.map((c) => c.finished));
    fill($('categories'), categories.map((category) => {
        const share = (value) => `${(value / max) * 100}%`;
        const segment = (kind, value) => {
            const bar = h('div', { class: `bar-fill ${kind}` });
            bar.style.width = share(value);
            return bar;
        };
        return h('div', { class: 'bar-row', title: `${category.completed} completed, ${category.failed + category.timeout} failed, ${category.cancelled} cancelled` },
            h('span', {}, category.category.toLowerCase()),
            h('div', { class: 'bar-track' },
                segment('ok', category.completed), segment('bad', category.failed + category.timeout), segment('muted', category.cancelled)),
            h('span', { class: 'bar-count' }, format.count(category.finished)));
    }));
}

// ---------------------------------------------------------------- breakers and workers

function renderBreakers(breakers) {
    if (!breakers.length) {
        fill($('breakers'), h('div', { class: 'empty' }, 'Every provider\'s breaker is closed.'));
        return;
    }
    fill($('breakers'), breakers.map((breaker) => h('div', { class: 'breaker' },
        h('span', { class: 'mono' }, breaker.provider),
        h('span', {}, h('span', { class: `badge ${breaker.state === 'open' ? 'severity-critical' : 'severity-medium'}` }, format.words(breaker.state)),
            ' ', h('span', { class: 'hint' }, `${format.percent(breaker.failure_rate)} failures`)))));
}

function renderWorkers(pool, external) {
    const all = [
        ...pool.workers.map((worker) => ({ id: worker.id, status: worker.status, kind: 'internal' })),
        ...external.map((worker) => ({ id: worker.id, status: worker.status, kind: worker.backend_type })),
    ];
    const busy = all.filter((worker) => worker.status === 'busy').length;
    $('workers-summary').textContent = `${busy} of ${all.length} busy${pool.running ? '' : ' · internal pool stopped'}`;
    if (!all.length) {
        fill($('workers'), h('div', { class: 'empty' }, 'No workers.'));
        return;
    }
    fill($('workers'), all.map((worker) => h('span', { class: `worker ${worker.status}`, title: `${worker.kind}: ${worker.status}` },
        worker.id.replace(/^node-/, ''))));
}

// ---------------------------------------------------------------- active tasks

function activeOrder(a, b) {
    const rank = (task) => ACTIVE_STATUSES.indexOf(task.status);
    const since = (task) => Date.parse(task.started_at || task.created_at);
    return rank(a) - rank(b) || since(a) - since(b);
}

/** Draws at most once per frame however many changes arrive: a busy engine sends hundreds a second. */
function onNextFrame(draw) {
    let pending = false;
    return () => {
        if (pending) return;
        pending = true;
        requestAnimationFrame(() => {
            pending = false;
            draw();
        });
    };
}

const drawActive = onNextFrame(() => renderActive());
const drawCharts = onNextFrame(() => renderCharts());

function renderActive() {
    const container = $('active');
    const tasks = [...state.active.values()].sort(activeOrder).slice(0, ACTIVE_LIMIT);
    const running = [...state.active.values()].filter((task) => task.status === 'running').length;
    const waiting = state.active.size - running;
    $('active-count').textContent = `${running} running · ${waiting} waiting${state.active.size > tasks.length ? ` · first ${tasks.length} shown` : ''}`;
    if (!tasks.length) {
        fill(container, h('div', { class: 'empty' }, 'Nothing is running or waiting.'));
        return;
    }
    const existing = new Map([...container.querySelectorAll('.row[data-task-id]')].map((row) => [row.dataset.taskId, row]));
    const rows = tasks.map((task) => {
        const row = existing.get(task.id) || activeRow(task);
        updateActiveRow(row, task);
        return row;
    });
    // rows are kept across updates so that progress bars glide instead of jumping
    container.replaceChildren(...rows);
}

function activeRow(task) {
    const bar = h('div', { class: 'progress-bar' });
    const cancel = state.caller && state.caller.may_operate
        ? h('button', { class: 'danger', type: 'button', 'data-action': 'cancel', onclick: (event) => cancelTask(event, task.id) }, 'Cancel')
        : null;
    return h('div', { class: 'row', dataset: { taskId: task.id }, role: 'button', tabindex: 0, onclick: () => openDetail(task.id), onkeydown: (event) => event.key === 'Enter' && openDetail(task.id) },
        h('span', { class: 'number' }, task.number === null ? '' : `#${task.number}`),
        h('div', {}, h('div', { class: 'row-title', 'data-field': 'title' }), h('div', { class: 'row-sub', 'data-field': 'sub' })),
        h('div', { class: 'progress' }, h('div', { class: 'progress-track' }, bar),
            h('div', { class: 'progress-text' }, h('span', { 'data-field': 'percent' }), h('span', { 'data-field': 'message' }))),
        h('span', { class: 'row-status', 'data-field': 'status' }),
        h('span', { class: 'hint', 'data-field': 'clock' }),
        h('div', { class: 'row-actions' }, cancel));
}

function updateActiveRow(row, task) {
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    row.dataset.status = task.status;
    field('title').textContent = task.description || task.type;
    field('title').title = task.description || '';
    field('sub').textContent = `${task.type} · ${task.category.toLowerCase()}${task.attempts > 1 ? ` · attempt ${task.attempts} of ${task.max_attempts}` : ''}`;
    row.querySelector('.progress-bar').style.width = `${Math.max(0, Math.min(100, task.progress))}%`;
    row.querySelector('.progress').dataset.progress = task.progress;
    field('percent').textContent = `${task.progress}%`;
    field('message').textContent = task.message || '';
    const badges = [h('span', { class: `badge status-${task.status}` }, format.words(task.status))];
    if (task.stall) badges.push(h('span', { class: 'badge stall', title: task.stall.reason }, `stalled: ${format.words(task.stall.kind)}`));
    fill(field('status'), badges);
    const clock = field('clock');
    clock.dataset.since = task.started_at || task.created_at;
    clock.dataset.prefix = task.status === 'running' ? 'running ' : 'waiting ';
    tick(clock);
}

function tick(clock) {
    clock.textContent = clock.dataset.prefix + format.since(clock.dataset.since);
}

async function cancelTask(event, id) {
    event.stopPropagation();
    const button = event.currentTarget;
    button.disabled = true;
    button.textContent = 'Cancelling…';
    try {
        await api(`/api/v1/tasks/${id}/cancel`, { method: 'POST' });
    } catch (error) {
        button.disabled = false;
        button.textContent = 'Cancel';
        button.title = error.message;
    }
}

// ---------------------------------------------------------------- dead letter queue

function renderDeadLetters() {
    const entries = state.deadLetters;
    $('dlq-count').textContent = `${entries.length} waiting for a person`;
    if (!entries.length) {
        fill($('dlq'), h('div', { class: 'empty' }, 'The dead letter queue is empty.'));
        return;
    }
    fill($('dlq'), entries.map((entry) => {
        const retry = state.caller && state.caller.may_operate
            ? h('button', { type: 'button', 'data-action': 'retry', onclick: (event) => openRetry(event, entry.task_id, taskLabel(entry.task, entry.type), true) }, 'Retry…')
            : null;
        return h('div', { class: 'row dlq', dataset: { taskId: entry.task_id }, role: 'button', tabindex: 0, onclick: () => openDetail(entry.task_id), onkeydown: (event) => event.key === 'Enter' && openDetail(entry.task_id) },
            h('span', { class: 'number' }, entry.task && entry.task.number !== null ? `#${entry.task.number}` : format.shortId(entry.task_id)),
            h('div', {}, h('div', { class: 'row-title' }, (entry.task && entry.task.description) || entry.type),
                h('div', { class: 'row-sub' }, [entry.type, entry.provider].filter(Boolean).join(' · '))),
            h('div', { class: 'row-error' }, h('div', { class: 'row-title bad', 'data-field': 'error-type' }, entry.error_type || 'error'),
                h('div', { class: 'row-sub', title: entry.reason }, entry.error_message || entry.reason)),
            h('span', {}, h('span', { class: `badge severity-${entry.alert_severity}`, 'data-field': 'severity' }, entry.alert_severity)),
            h('span', { class: 'hint' }, `${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'} · ${format.since(entry.moved_at)} ago`),
            h('div', { class: 'row-actions' }, retry));
    }));
}

/** Opens the retry dialog for a task: one waiting in the dead letter queue, or any failed, timed-out or cancelled one. */
async function openRetry(event, id, label, fromDeadLetters) {
    event.stopPropagation();
    const dialog = $('retry-dialog');
    state.retrying = { id, original: null, fromDeadLetters };
    $('retry-title').textContent = label;
    $('retry-error').hidden = true;
    $('retry-reason').value = '';
    $('retry-input').value = '';
    dialog.showModal();
    try {
        const task = await api(`/api/v1/tasks/${id}`);
        state.retrying.original = format.json(task.input || {});
        $('retry-input').value = state.retrying.original;
    } catch (error) {
        showRetryError(error.message);
    }
}

/** How a task is named in a title: its number and description, or what is known of it. */
function taskLabel(task, fallback) {
    if (!task) return fallback;
    return `${task.number === null ? '' : `#${task.number} `}${task.description || task.type}`;
}

function showRetryError(message) {
    $('retry-error').textContent = message;
    $('retry-error').hidden = false;
}

async function submitRetry(event) {
    event.preventDefault();
    const retrying = state.retrying;
    if (!retrying) return;
    const body = {};
    const text = $('retry-input').value.trim();
    if (text && text !== (retrying.original || '').trim()) {
        try {
            body.input = JSON.parse(text);
        } catch (error) {
            showRetryError(`The input is not valid JSON: ${error.message}`);
            return;
        }
        if (body.input === null || typeof body.input !== 'object' || Array.isArray(body.input)) {
            showRetryError('The input must be a JSON object.');
            return;
        }
    }
    const reason = $('retry-reason').value.trim();
    if (reason) body.reason = reason;
    $('retry-submit').disabled = true;
    try {
        const path = retrying.fromDeadLetters ? `/api/v1/failed-tasks/${retrying.id}/retry` : `/api/v1/tasks/${retrying.id}/retry`;
        await api(path, { method: 'POST', body });
        $('retry-dialog').close();
        state.retrying = null;
        refreshDeadLetters();
    } catch (error) {
        showRetryError(error.message);
    } finally {
        $('retry-submit').disabled = false;
    }
}

// ---------------------------------------------------------------- task detail

const TABS = [
    ['overview', 'Overview'],
    ['timeline', 'Timeline'],
    ['attempts', 'Attempts'],
    ['io', 'Input/Output'],
    ['logs', 'Logs'],
    ['payment', 'Payment'],
];

function isPayment(task) {
    const metadata = task.metadata || {};
    return metadata.amount !== undefined || PAYMENT_KINDS.has(String(metadata.kind || '').toLowerCase());
}

async function openDetail(id, tab = 'overview') {
    const detail = { id, tab, task: null, timeline: null };
    state.detail = detail;
    history.replaceState(null, '', `#task=${id}`);
    $('detail').hidden = false;
    // nothing of the task shown before may be clicked while this one loads
    $('detail-title').textContent = 'Loading…';
    fill($('detail-sub'));
    fill($('detail-actions'));
    fill($('detail-tabs'));
    delete $('detail-tabs').dataset.shown;
    fill($('detail-body'), h('div', { class: 'empty' }, 'Loading…'));
    try {
        detail.task = await api(`/api/v1/tasks/${id}`);
    } catch (error) {
        fill($('detail-body'), h('div', { class: 'error' }, error.message));
        return;
    }
    if (state.detail !== detail) return;
    showTab(tab);
}

function closeDetail() {
    state.detail = null;
    $('detail').hidden = true;
    if (location.hash) history.replaceState(null, '', location.pathname);
}

function openFromAddress() {
    const match = /^#task=([\w-]+)$/.exec(location.hash);
    if (match) openDetail(match[1]);
}

function renderDetailHead() {
    const task = state.detail.task;
    $('detail-title').textContent = taskLabel(task, task.type);
    fill($('detail-sub'), h('span', { class: `badge status-${task.status}` }, format.words(task.status)),
        ` ${task.type} · ${task.id}`);
    fill($('detail-actions'), detailActions(task));
    const tabs = TABS.filter(([name]) => name !== 'payment' || isPayment(task));
    const shown = `${tabs.map(([name]) => name).join()}/${state.detail.tab}`;
    if ($('detail-tabs').dataset.shown === shown) return;
    $('detail-tabs').dataset.shown = shown;
    fill($('detail-tabs'), tabs.map(([name, label]) => h('button', {
        class: 'tab', type: 'button', role: 'tab', 'data-tab': name,
        'aria-selected': String(state.detail.tab === name),
        onclick: () => showTab(name),
    }, label)));
}

/** Cancel for a task that has not finished, retry for one that failed, timed out or was cancelled; none for viewers. */
function detailActions(task) {
    if (!state.caller || !state.caller.may_operate) return [];
    if (ACTIVE_STATUSES.includes(task.status)) {
        return h('button', { class: 'danger', type: 'button', 'data-action': 'cancel', onclick: (event) => cancelTask(event, task.id) }, 'Cancel');
    }
    if (RETRYABLE_STATUSES.includes(task.status)) {
        const waiting = state.deadLetters.some((entry) => entry.task_id === task.id);
        return h('button', { type: 'button', 'data-action': 'retry', onclick: (event) => openRetry(event, task.id, taskLabel(task, task.type), waiting) }, 'Retry…');
    }
    return [];
}

async function showTab(tab) {
    const detail = state.detail;
    if (!detail || !detail.task) return;
    detail.tab = tab;
    renderDetailHead();
    const body = $('detail-body');
    try {
        const content = await tabContent[tab](detail);
        if (state.detail === detail && detail.tab === tab) fill(body, content);
    } catch (error) {
        if (state.detail === detail) fill(body, h('div', { class: 'error' }, error.message));
    }
}

function facts(pairs) {
    return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== undefined).map(([name, value]) => [
        h('dt', {}, name), h('dd', {}, value === null || value === '' ? '–' : value)]));
}

const tabContent = {
    overview({ task }) {
        const progress = h('div', { class: 'progress-bar' });
        progress.style.width = `${task.progress}%`;
        return [
            h('div', { class: 'progress', 'data-progress': task.progress }, h('div', { class: 'progress-track' }, progress),
                h('div', { class: 'progress-text' }, h('span', {}, `${task.progress}%`), h('span', {}, task.message || ''))),
            h('h3', {}, 'Task'),
            facts([
                ['Status', format.words(task.status) + (task.in_dlq ? ' · in the dead letter queue' : '')],
                ['Type', task.type],
                ['Category', task.category.toLowerCase()],
                ['Provider', task.provider],
                ['Owner', task.owner],
                ['Created by', task.created_by],
                ['Attempts', `${task.attempts} of ${task.max_attempts}`],
                ['Worker', task.worker_id],
                ['Error', task.error ? `${task.error.type}: ${task.error.message}` : null],
                ['Stall', task.stall ? `${format.words(task.stall.kind)}: ${task.stall.reason}` : null],
                ['Created', format.dateTime(task.created_at)],
                ['Started', format.dateTime(task.started_at)],
                ['Finished', format.dateTime(task.finished_at)],
                ['Next retry', task.next_retry_at ? format.dateTime(task.next_retry_at) : null],
            ]),
        ];
    },
    async timeline(detail) {
        const page = await api(`/api/v1/tasks/${detail.id}/timeline`);
        detail.timeline = page.events;
        awaitTimeline(detail);
        return h('ol', { class: 'timeline', id: 'timeline' }, page.events.map(timelineEntry));
    },
    async attempts({ id }) {
        const page = await api(`/api/v1/tasks/${id}/attempts`);
        if (!page.attempts.length) return h('div', { class: 'empty' }, 'No attempt has started yet.');
        const rows = page.attempts.map((attempt) => h('tr', {},
            h('td', {}, attempt.attempt),
            h('td', {}, h('span', { class: `badge status-${attempt.outcome === 'succeeded' ? 'completed' : attempt.outcome === 'running' ? 'running' : 'failed'}` }, format.words(attempt.outcome))),
            h('td', {}, format.time(attempt.started_at)),
            h('td', {}, format.millis(attempt.duration_ms)),
            h('td', { class: 'mono' }, attempt.worker_id || ''),
            h('td', {}, attempt.error_type ? `${attempt.error_type}: ${attempt.error_message || ''}` : '',
                attempt.classification ? h('div', { class: 'hint' }, `${attempt.classification}, breaker ${attempt.circuit_state}`) : null)));
        const steps = page.fallback_steps.map((step) => h('li', {},
            `after attempt ${step.after_attempt}: ${format.words(step.strategy)} (chain ${step.chain_name} v${step.chain_version})`));
        return [
            h('div', { class: 'table-scroll' }, h('table', { class: 'plain' },
                h('thead', {}, h('tr', {}, ['#', 'Outcome', 'Started', 'Took', 'Worker', 'Error'].map((name) => h('th', {}, name)))),
                h('tbody', {}, rows))),
            steps.length ? [h('h3', {}, 'Fallback steps'), h('ul', {}, steps)] : null,
        ];
    },
    io({ task }) {
        return [
            h('h3', {}, 'Input'), h('pre', { class: 'json' }, format.json(task.input)),
            h('h3', {}, 'Metadata'), h('pre', { class: 'json' }, format.json(task.metadata)),
            h('h3', {}, 'Result'), h('pre', { class: 'json' }, format.json(task.result)),
            task.error ? [h('h3', {}, 'Error'), h('pre', { class: 'json' }, format.json(task.error))] : null,
        ];
    },
    async logs({ id }) {
        const lines = await api(`/api/v1/tasks/${id}/logs?limit=500`);
        if (!lines.length) return h('div', { class: 'empty' }, 'No log lines yet.');
        return lines.map((line) => h('div', { class: 'log' },
            h('span', { class: 'hint' }, format.time(line.timestamp)), ' ',
            h('span', { class: `log-level ${line.level}` }, line.level), ' ', line.message));
    },
    payment({ task }) {
        const metadata = task.metadata || {};
        const amount = Number(metadata.amount);
        const shown = Number.isFinite(amount) && metadata.currency
            ? new Intl.NumberFormat('en-US', { style: 'currency', currency: String(metadata.currency) }).format(amount)
            : `${metadata.amount ?? '–'} ${metadata.currency || ''}`;
        const others = Object.entries(metadata).filter(([name]) => !['amount', 'currency', 'kind'].includes(name));
        return [
            h('div', { class: 'amount' }, shown),
            facts([
                ['Kind', metadata.kind || null],
                ['Outcome', format.words(task.status) + (task.in_dlq ? ' · in the dead letter queue' : '')],
                ['Provider', task.provider],
                ['Attempts', `${task.attempts} of ${task.max_attempts}`],
                ['Error', task.error ? `${task.error.type}: ${task.error.message}` : null],
                ...others.map(([name, value]) => [format.words(name), typeof value === 'object' ? JSON.stringify(value) : String(value)]),
            ]),
        ];
    },
};

function timelineEntry(event) {
    const data = event.data && Object.keys(event.data).length ? summarise(event.data) : '';
    return h('li', { class: `event severity-${event.severity}`, 'data-sequence': event.sequence, 'data-event': event.type },
        h('div', {},
            h('div', { class: 'event-head' },
                h('span', { class: 'event-name' }, format.words(event.type)),
                h('span', { class: 'hint' }, `${event.severity} · ${format.time(event.timestamp)}`)),
            data ? h('div', { class: 'event-data' }, data) : null));
}

/** The data of a timeline entry in one line: scalars as they are, nested objects by their own scalars. */
function summarise(data) {
    const parts = [];
    for (const [name, value] of Object.entries(data)) {
        if (value === null || value === undefined) continue;
        if (typeof value === 'object') {
            if (name === 'error' && value.type) parts.push(`error: ${value.type}${value.message ? ` (${value.message})` : ''}`);
            continue;
        }
        parts.push(`${format.words(name)}: ${ISO_INSTANT.test(value) ? format.dateTime(value) : value}`);
    }
    return parts.join(' · ');
}

/** Reads the timeline again, 20 times at most, while it lacks an event the feed already announced. */
function awaitTimeline(detail) {
    const last = detail.timeline.length ? detail.timeline[detail.timeline.length - 1].sequence : -1;
    if (detail.awaitedSequence === undefined || last >= detail.awaitedSequence) return;
    detail.timelineReads = (detail.timelineReads || 0) + 1;
    if (detail.timelineReads < 20) {
        setTimeout(() => state.detail === detail && detail.tab === 'timeline' && showTab('timeline'), 500);
    }
}

/** A change of the task the detail panel shows: its tabs follow without a reload. */
function followInDetail(message) {
    const detail = state.detail;
    if (message.task) detail.task = message.task;
    // the timeline read over REST may lag behind the feed: it is read again until it has this event
    if (message.sequence > (detail.awaitedSequence ?? -1)) {
        detail.awaitedSequence = message.sequence;
        detail.timelineReads = 0;
    }
    if (!detail.task) return;
    if (detail.tab === 'timeline' && detail.timeline) {
        const list = $('timeline');
        const last = detail.timeline.length ? detail.timeline[detail.timeline.length - 1].sequence : -1;
        if (message.sequence === last + 1 && list) {
            const entry = { sequence: message.sequence, type: message.event, severity: message.severity, timestamp: message.timestamp, data: message.data };
            detail.timeline.push(entry);
            list.append(timelineEntry(entry));
            renderDetailHead();
            return;
        }
        if (message.sequence <= last) return;
    }
    if (REMOTE_TABS.has(detail.tab)) refreshTab();
    else showTab(detail.tab);
}

// attempts and logs are read over REST again after a change of their task, at most once a second
const refreshTab = throttled(1000, () => state.detail && showTab(state.detail.tab));

// ---------------------------------------------------------------- start

function start() {
    $('key-form').addEventListener('submit', (event) => {
        event.preventDefault();
        signIn($('key-input').value.trim());
    });
    // the dashboard cannot work without an answer: Escape does not close the key dialog
    $('key-dialog').addEventListener('cancel', (event) => event.preventDefault());
    $('sign-out').addEventListener('click', () => signOut());
    $('detail-close').addEventListener('click', closeDetail);
    $('retry-form').addEventListener('submit', submitRetry);
    $('retry-cancel').addEventListener('click', () => $('retry-dialog').close());
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && !$('detail').hidden && !document.querySelector('dialog[open]')) closeDetail();
    });
    setInterval(() => document.querySelectorAll('[data-since]').forEach(tick), 1000);
    // the window of the charts moves on every minute; the engine's figures put it right again
    setInterval(() => state.caller && load('throughput'), 60000);
    // workers are no task changes, and stalls are found in the queue: the feed carries neither
    setInterval(() => state.caller && load('workers'), 10000);
    setInterval(() => state.caller && load('active'), 15000);
    window.addEventListener('resize', throttled(200, renderCharts));
    const stored = sessionStorage.getItem(KEY_STORAGE);
    if (stored === null) askForKey();
    else signIn(stored);
}

start();
