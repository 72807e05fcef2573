// Monaco's base editor worker, bundled from the local package (never fetched from a CDN).
import "monaco-editor/editor/editor.worker";
