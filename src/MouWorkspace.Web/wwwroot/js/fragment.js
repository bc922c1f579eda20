// Brings the element the address's fragment names (#comment-…, #proposal-…, #history) into view once the page has
// rendered it. The browser's own fragment navigation runs before Blazor has loaded the page's data, so it finds
// nothing and leaves the page at the top. Loaded as a module through IJSRuntime (CSP: no inline script).
export function scrollToFragment() {
    const id = decodeURIComponent(location.hash.slice(1));
    const element = id ? document.getElementById(id) : null;
    if (!element) {
        return false;
    }
    element.classList.add("is-target");
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    return true;
}
