/*
 * The portal's own small behaviours, declared on the elements as data attributes: the Content-Security-Policy runs
 * no inline script or handler of ours.
 *   data-once="true"           a submit button that sends its form once (a second click sends nothing)
 *   data-show-dialog="widget"  opens the PrimeFaces dialog of that widgetVar; data-hide-dialog="widget" closes it
 */
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-once], [data-show-dialog], [data-hide-dialog]');
        if (!button) {
            return;
        }
        if (button.hasAttribute('data-once')) {
            if (button.dataset.sent) {
                event.preventDefault();
                event.stopImmediatePropagation();
                return;
            }
            button.dataset.sent = '1';
        }
        if (button.dataset.showDialog && window.PF) {
            window.PF(button.dataset.showDialog).show();
        }
        if (button.dataset.hideDialog && window.PF) {
            window.PF(button.dataset.hideDialog).hide();
        }
    }, true);
})();
