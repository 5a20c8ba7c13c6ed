// The sample's page: temperatures per station as a hand-drawn SVG chart, the CnosDB health
// entry of /actuator/health, and a CSV upload. No libraries.

// What the chart computes, as pure functions apart from the page, so that a test page can
// call them without a server or a DOM.
const SampleChart = (function () {
	'use strict';

	const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

	// A gap longer than this many times a station's usual interval breaks its line.
	const GAP_FACTOR = 3;

	/**
	 * The usual interval between readings of one station: the median of the positive
	 * differences of its sorted times (the lower one of two middles, so that with few readings
	 * a single long gap does not become the usual interval); 0 with fewer than two times.
	 */
	function medianInterval(times) {
		const intervals = [];
		for (let i = 1; i < times.length; i++) {
			if (times[i] > times[i - 1]) {
				intervals.push(times[i] - times[i - 1]);
			}
		}
		if (!intervals.length) {
			return 0;
		}
		intervals.sort((a, b) => a - b);
		return intervals[Math.floor((intervals.length - 1) / 2)];
	}

	/**
	 * Splits the points of one station, sorted by time ({ t: milliseconds, ... }), into runs
	 * drawn as separate lines: a gap longer than GAP_FACTOR times the median interval starts a
	 * new run, so that missing readings show as a gap rather than a diagonal across it. A run
	 * of one point is drawn as a marker, since a line through one point is invisible.
	 */
	function segments(points, factor = GAP_FACTOR) {
		const median = medianInterval(points.map((p) => p.t));
		const runs = [];
		let run = [];
		points.forEach((point, i) => {
			if (i > 0 && median > 0 && point.t - points[i - 1].t > factor * median) {
				runs.push(run);
				run = [];
			}
			run.push(point);
		});
		if (run.length) {
			runs.push(run);
		}
		return runs;
	}

	/**
	 * Gives each station it has not seen a colour, in the order stations first appear (in
	 * alphabetical order within one refresh), keeping the colours of those it has: a station
	 * that appears later does not shift the others' colours. `assigned` is a Map from station
	 * to colour kept across refreshes; it is updated and returned.
	 */
	function assignColors(assigned, stations) {
		[...stations].sort().forEach((station) => {
			if (!assigned.has(station)) {
				assigned.set(station, COLORS[assigned.size % COLORS.length]);
			}
		});
		return assigned;
	}

	return { COLORS, GAP_FACTOR, medianInterval, segments, assignColors };
})();

// The page itself; not run where the page's elements are missing, such as on a test page.
(function () {
	'use strict';

	if (!document.getElementById('chart')) {
		return;
	}

	const WINDOW_MINUTES = 15;
	const REFRESH_MS = 5000;
	const SVG = 'http://www.w3.org/2000/svg';
	const W = 1000, H = 360, LEFT = 50, RIGHT = 10, TOP = 10, BOTTOM = 30;

	const chart = document.getElementById('chart');
	const legend = document.getElementById('legend');
	const statusLine = document.getElementById('status');
	const notice = document.getElementById('notice');
	const health = document.getElementById('health');
	// Station colours, kept across refreshes.
	const colors = new Map();

	function element(name, attributes, text) {
		const node = document.createElementNS(SVG, name);
		Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
		if (text !== undefined) {
			node.textContent = text;
		}
		return node;
	}

	function showNotice(text) {
		notice.textContent = text;
		notice.classList.toggle('shown', Boolean(text));
	}

	async function problemText(response) {
		try {
			const problem = await response.json();
			return problem.detail || problem.title || ('HTTP ' + response.status);
		}
		catch (e) {
			return 'HTTP ' + response.status;
		}
	}

	async function refreshHealth() {
		try {
			// 503 when DOWN, with the same JSON body.
			const response = await fetch('actuator/health', { headers: { Accept: 'application/json' } });
			const body = await response.json();
			const cnosdb = (body.components || {}).cnosdb || body;
			const up = cnosdb.status === 'UP';
			health.textContent = cnosdb.status || 'UNKNOWN';
			health.className = up ? 'up' : 'down';
			if (up) {
				showNotice('');
			}
			else {
				const reason = (cnosdb.details || {}).reason;
				showNotice('CnosDB cannot be reached right now, so no new readings can be shown or stored.'
					+ (reason ? ' (' + reason + ')' : '') + ' Start CnosDB or check cnosdb.url; this page keeps trying.');
			}
			return up;
		}
		catch (e) {
			health.textContent = 'UNKNOWN';
			health.className = 'down';
			showNotice('The sample application itself does not answer: is it still running?');
			return false;
		}
	}

	function draw(series) {
		chart.replaceChildren();
		legend.replaceChildren();
		const now = Date.now();
		const start = now - WINDOW_MINUTES * 60000;
		const values = series.flatMap((s) => s.points.map((p) => p.temperature));
		let min = values.length ? Math.min(...values) : 0;
		let max = values.length ? Math.max(...values) : 30;
		if (max - min < 1) {
			min -= 0.5;
			max += 0.5;
		}
		const x = (t) => LEFT + (t - start) / (now - start) * (W - LEFT - RIGHT);
		const y = (v) => TOP + (max - v) / (max - min) * (H - TOP - BOTTOM);

		chart.appendChild(element('rect', { x: LEFT, y: TOP, width: W - LEFT - RIGHT, height: H - TOP - BOTTOM,
			fill: '#fbfcfe', stroke: '#ccd' }));
		for (let i = 0; i <= 4; i++) {
			const v = min + (max - min) * i / 4;
			chart.appendChild(element('line', { x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), stroke: '#e3e6ee' }));
			chart.appendChild(element('text', { x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#556' },
				v.toFixed(1) + '°'));
		}
		for (let i = 0; i <= 5; i++) {
			const t = start + (now - start) * i / 5;
			const label = new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
			const anchor = (i === 0) ? 'start' : (i === 5) ? 'end' : 'middle';
			chart.appendChild(element('text', { x: x(t), y: H - 10, 'text-anchor': anchor, 'font-size': 12, fill: '#556' }, label));
		}
		SampleChart.assignColors(colors, series.map((s) => s.station));
		series.forEach((s) => {
			const color = colors.get(s.station);
			const points = s.points.filter((p) => p.temperature !== null && Date.parse(p.time) >= start);
			const runs = SampleChart.segments(points.map((p) => ({ t: Date.parse(p.time), v: p.temperature })));
			runs.forEach((run) => {
				if (run.length === 1) {
					chart.appendChild(element('circle', { 'data-station': s.station, cx: x(run[0].t).toFixed(1),
						cy: y(run[0].v).toFixed(1), r: 4, fill: color }));
				}
				else {
					const path = run.map((p) => x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1)).join(' ');
					chart.appendChild(element('polyline', { 'data-station': s.station, points: path, fill: 'none',
						stroke: color, 'stroke-width': 2 }));
				}
			});
			const entry = document.createElement('span');
			const swatch = document.createElement('i');
			swatch.style.background = color;
			entry.append(swatch, s.station + (points.length ? ' ' + points[points.length - 1].temperature.toFixed(1) + '°' : ''));
			legend.appendChild(entry);
		});
	}

	async function refreshReadings() {
		const from = new Date(Date.now() - WINDOW_MINUTES * 60000).toISOString();
		const response = await fetch('api/readings?limit=10000&from=' + encodeURIComponent(from));
		if (!response.ok) {
			statusLine.textContent = 'No readings: ' + await problemText(response);
			statusLine.className = 'error';
			return;
		}
		const readings = await response.json();
		const byStation = new Map();
		readings.filter((r) => r.temperature !== null).forEach((r) => {
			if (!byStation.has(r.station)) {
				byStation.set(r.station, []);
			}
			byStation.get(r.station).push(r);
		});
		const series = [...byStation.keys()].sort().map((station) => ({ station, points: byStation.get(station) }));
		draw(series);
		statusLine.className = 'muted';
		statusLine.textContent = readings.length
			? readings.length + ' readings from ' + series.length + ' station(s); updated ' + new Date().toLocaleTimeString()
			: 'No readings in the last ' + WINDOW_MINUTES + ' minutes: run with the "simulator" profile, POST to /api/readings or upload a CSV file.';
	}

	async function refresh() {
		const up = await refreshHealth();
		if (up) {
			try {
				await refreshReadings();
			}
			catch (e) {
				statusLine.textContent = 'No readings: ' + e.message;
				statusLine.className = 'error';
			}
		}
		else {
			statusLine.textContent = 'Readings are shown again as soon as CnosDB answers.';
			statusLine.className = 'muted';
		}
	}

	document.getElementById('upload').addEventListener('submit', async (event) => {
		event.preventDefault();
		const result = document.getElementById('upload-result');
		result.className = '';
		result.textContent = 'Uploading…';
		const response = await fetch('api/readings/csv', { method: 'POST', body: new FormData(event.target) });
		if (response.ok) {
			const body = await response.json();
			result.textContent = body.rowsWritten + ' row(s) written.';
			refresh();
		}
		else {
			result.className = 'error';
			result.textContent = await problemText(response);
		}
	});

	document.getElementById('window').textContent = WINDOW_MINUTES + ' minutes';
	refresh();
	setInterval(refresh, REFRESH_MS);
})();
