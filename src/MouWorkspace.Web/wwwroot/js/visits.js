// "Since your last visit" is kept per user on the server; a browser tab only names itself (sessionStorage), so that
// reloading the tab keeps its baseline and a new tab starts a new visit.
export function tabId() {
    const key = 'mou.visitTab';
    let id = sessionStorage.getItem(key);
    if (id === null) {
        id = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + String(Date.now());
        sessionStorage.setItem(key, id);
    }
    return id;
}
