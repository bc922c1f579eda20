// Beside every <time data-local-time> (a UTC moment), the reader's local time: set as data-local, shown by app.css.
// Blazor re-renders leave the attribute alone (it is not in its render tree); a changed datetime is seen again.
(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const fill = (el) => {
        const at = new Date(el.getAttribute('datetime'));
        if (isNaN(at)) return;
        const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
        if (el.dataset.localTime === 'seconds') options.second = '2-digit';
        const sameDay = at.toISOString().slice(0, 10) === new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
        if (!sameDay) { options.day = 'numeric'; options.month = 'short'; }
        const text = at.toLocaleString(undefined, options) + ' ' + (zone || 'local');
        if (el.dataset.local !== text) el.dataset.local = text;
    };
    const scan = (root) => root.querySelectorAll?.('time[data-local-time]').forEach(fill);
    const start = () => {
        scan(document);
        new MutationObserver((changes) => {
            for (const change of changes) {
                if (change.type === 'attributes' && change.target.matches?.('time[data-local-time]')) fill(change.target);
                change.addedNodes?.forEach((node) => { if (node.nodeType === 1) { if (node.matches('time[data-local-time]')) fill(node); scan(node); } });
            }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['datetime'] });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
