// Tells the page which words of the clause text the person has selected, so that a comment can quote them without
// retyping (issue 15.11). Only a selection that starts and ends inside the watched element counts; anything else is
// reported as no selection. The page, not this module, checks the words against the stored text. Loaded as a module
// through IJSRuntime (CSP: no inline script).
const watches = new Map();

export function watch(selector, listener) {
    unwatch(selector);
    let last = null;
    let timer = 0;
    const report = () => {
        const element = document.querySelector(selector);
        const selection = document.getSelection();
        let text = null;
        if (element && selection && !selection.isCollapsed && selection.rangeCount > 0
            && element.contains(selection.anchorNode) && element.contains(selection.focusNode)) {
            text = selection.toString().trim() || null;
        }
        if (text !== last) {
            last = text;
            listener.invokeMethodAsync("OnSelected", text).catch(() => { /* the circuit went away */ });
        }
    };
    // selectionchange fires on every step of a drag: report once the selection has stood still for a moment.
    const onChange = () => {
        clearTimeout(timer);
        timer = setTimeout(report, 120);
    };
    document.addEventListener("selectionchange", onChange);
    // Words selected before the module was loaded count too.
    onChange();
    watches.set(selector, () => {
        clearTimeout(timer);
        document.removeEventListener("selectionchange", onChange);
    });
}

export function unwatch(selector) {
    watches.get(selector)?.();
    watches.delete(selector);
}
