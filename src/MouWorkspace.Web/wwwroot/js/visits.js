// "Since your last visit": the time of the previous visit, per user, in this browser's localStorage.
// A visit is a browser tab session: reloading keeps the same baseline (sessionStorage) until the tab is closed.
export function beginVisit(userKey, now) {
    const lastKey = 'mou.lastVisit.' + userKey;
    const baselineKey = 'mou.visitBaseline.' + userKey;
    let baseline = sessionStorage.getItem(baselineKey);
    if (baseline === null) {
        baseline = localStorage.getItem(lastKey) ?? '';
        sessionStorage.setItem(baselineKey, baseline);
    }
    localStorage.setItem(lastKey, now);
    return baseline;
}
