// Hands bytes the server fetched from the API (with the user's token) to the browser as a file download.
// Loaded as a module through IJSRuntime (CSP: script-src 'self', no inline script).

function offer(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** From a .NET stream reference (DotNetStreamReference): large files without base64. */
export async function saveFile(fileName, contentType, streamReference) {
    const buffer = await streamReference.arrayBuffer();
    offer(new Blob([buffer], { type: contentType }), fileName);
}

/** From base64 text. */
export function saveBytes(fileName, contentType, base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    offer(new Blob([bytes], { type: contentType }), fileName);
}
