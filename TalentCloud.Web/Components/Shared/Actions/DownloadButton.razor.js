// Fetches a file from the site (with the user's cookies) and hands it to the browser as a download; answers the HTTP
// status, so the component can show progress until the file is there and explain a refusal.
export async function download(url) {
    const response = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
        return 401; // sent to sign in: the session has ended
    }

    if (!response.ok) {
        return response.status;
    }

    const blob = await response.blob();
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName(response.headers.get('Content-Disposition'));
    link.click();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    return response.status;
}

function fileName(disposition) {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
    if (encoded) {
        return decodeURIComponent(encoded[1]);
    }

    const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
    return plain ? plain[1] : 'download';
}
