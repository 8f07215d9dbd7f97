/*
 * Draws the portal's charts with Chart.js (from the WebJar). Each <canvas data-chart="{json}"> carries its
 * own data, so pages need no inline script and an ajax update only has to call mvotingCharts.drawAll().
 * JSON: {"type":"bar"|"line","label":"...","labels":[...],"values":[...]}
 */
(function () {
    'use strict';

    var COLOR = '#1f5fa8';

    function options(spec) {
        var horizontal = spec.type === 'bar';
        var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
        return {
            indexAxis: horizontal ? 'y' : 'x',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: false } },
            scales: horizontal ? { x: valueAxis } : { y: valueAxis }
        };
    }

    function draw(canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        var data = {
            labels: spec.labels,
            datasets: [{
                label: spec.label,
                data: spec.values,
                backgroundColor: spec.type === 'line' ? 'rgba(31, 95, 168, 0.15)' : COLOR,
                borderColor: COLOR,
                fill: spec.type === 'line',
                tension: 0.2
            }]
        };
        var existing = window.Chart.getChart(canvas);
        if (existing) {
            existing.data = data;
            existing.update('none');
        } else {
            new window.Chart(canvas, { type: spec.type, data: data, options: options(spec) });
        }
    }

    /** Charts whose canvas an ajax update replaced would otherwise stay in memory. */
    function forgetDetached() {
        Object.values(window.Chart.instances || {}).forEach(function (chart) {
            if (!document.body.contains(chart.canvas)) {
                chart.destroy();
            }
        });
    }

    function drawAll() {
        if (!window.Chart) {
            return;
        }
        forgetDetached();
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    }

    window.mvotingCharts = { drawAll: drawAll };
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
}());
