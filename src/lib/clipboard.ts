// Copying text to the system clipboard, with an outcome the UI can show.

export type CopyOutcome = 'copied' | 'unavailable' | 'failed';

/** The part of the async Clipboard API used here; absent outside secure contexts. */
export type TextClipboard = Pick<Clipboard, 'writeText'>;

// The browser's clipboard, if this page has one.
function systemClipboard(): TextClipboard | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard;
}

// Write text to the clipboard: 'unavailable' with no Clipboard API, 'failed' when the browser refuses.
export async function copyText(text: string, clipboard: TextClipboard | undefined = systemClipboard()): Promise<CopyOutcome> {
  if (!clipboard) return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
