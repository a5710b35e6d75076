import { useCallback, useEffect, useRef, useState } from "react";
import { useCloseOnEscape } from "./useCloseOnEscape";

/** The link to the view on screen, from the stores (loaded with the panel, not with chapter 1). */
async function linkToThisView(): Promise<string> {
  const { appUrlStores, currentLink } = await import("../../store/urlState/bindings");
  return currentLink(appUrlStores(), window.location);
}

/** Draws `text` as a QR code into the canvas (the qrcode package, fetched on first use). */
async function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const QRCode = await import("qrcode");
  await QRCode.toCanvas(canvas, text, { width: 220, margin: 2, errorCorrectionLevel: "M" });
}

/**
 * "Share this view": a link that restores every chapter's settings, a button that copies it and
 * its QR code for a projector. The reader's own photo, drawing or model never goes in it.
 */
export function SharePanel() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void linkToThisView().then((url) => {
      if (!live) return;
      setLink(url);
      if (canvas.current) void drawQr(canvas.current, url);
    });
    return () => {
      live = false;
    };
  }, [open]);
  useCloseOnEscape(
    open,
    useCallback(() => setOpen(false), []),
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Copied.");
    } catch {
      setCopied("The browser refused the clipboard: select the link and copy it.");
    }
  };

  return (
    <div className={`share${open ? " open" : ""}`}>
      <button
        type="button"
        className="button secondary share-toggle"
        aria-expanded={open}
        aria-controls="share-panel"
        onClick={() => {
          setCopied(null);
          setOpen(!open);
        }}
      >
        Share<span className="visually-hidden"> this view</span>
      </button>
      {open && (
        <section id="share-panel" className="share-panel" aria-label="Share this view">
          <label className="field">
            Link to this view
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="button" onClick={copy} disabled={!link}>
            Copy link
          </button>
          {copied && (
            <span className="hint" role="status">
              {copied}
            </span>
          )}
          <canvas ref={canvas} className="share-qr" role="img" aria-label="QR code of the link" />
          <p className="hint">
            The link holds every chapter's settings, not your own photo, drawing or model: those
            never leave this browser, and the link opens the built-in ones instead.
          </p>
        </section>
      )}
    </div>
  );
}
