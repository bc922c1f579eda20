// Numbers the lines of every [data-line-numbers] text as the browser laid it out (1, 2, 3 … beside each line) and again
// whenever it reflows (another width, a font that arrived late, a new text): the room screen, so that the room can say
// "line 3" of the clause on the screen, as it says "page 2, line 14" of the PDF room paper (issue 18.10). The numbers go
// into the empty .line-numbers element beside the text (Blazor renders it with no children, so it leaves them alone);
// they are aria-hidden there: a screen reader reads the text, not its numbers.
(() => {
    const draw = (text) => {
        const gutter = text.parentElement?.querySelector(':scope > .line-numbers');
        if (!gutter) return;
        const origin = gutter.parentElement.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = [];
        for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) continue;
            const top = r.top - origin.top, bottom = r.bottom - origin.top;
            // Inline elements (a bracket, a mark) give rects of their own on the same line: one line per vertical band.
            const same = lines.find(l => Math.abs((top + bottom) / 2 - (l.top + l.bottom) / 2) < Math.min(r.height, l.bottom - l.top) / 2);
            if (same) { same.top = Math.min(same.top, top); same.bottom = Math.max(same.bottom, bottom); }
            else lines.push({ top, bottom });
        }
        lines.sort((a, b) => a.top - b.top);
        const key = lines.map(l => `${Math.round(l.top)}:${Math.round(l.bottom)}`).join(',');
        if (gutter.dataset.key === key) return;
        gutter.dataset.key = key;
        gutter.replaceChildren(...lines.map((l, i) => {
            const n = document.createElement('span');
            n.textContent = String(i + 1);
            n.style.top = `${l.top}px`;
            n.style.height = `${l.bottom - l.top}px`;
            return n;
        }));
        text.dataset.lines = String(lines.length);
    };
    const watched = new WeakSet();
    const resized = new ResizeObserver((entries) => entries.forEach((e) => draw(e.target)));
    const watch = (text) => {
        draw(text);
        if (!watched.has(text)) { watched.add(text); resized.observe(text); }
    };
    const scan = (root) => root.querySelectorAll?.('[data-line-numbers]').forEach(watch);
    const start = () => {
        scan(document);
        new MutationObserver((changes) => {
            for (const change of changes) {
                const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
                const text = node?.closest?.('[data-line-numbers]');
                if (text) draw(text);
                change.addedNodes?.forEach((added) => { if (added.nodeType === 1) { if (added.matches('[data-line-numbers]')) watch(added); scan(added); } });
            }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
        document.fonts?.ready.then(() => scan(document));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
