/** Building DOM nodes (never from HTML: all text goes in as textContent), the icons, and the widget's own elements. */

/**
 * The widget's elements that several parts use, filled in once as the shell is built: root (the shadow root),
 * wrap, panel, launcher, bodyView, log, typingRow, input, surveyView, confirmView.
 */
export const ui = {};

const SVG_NS = "http://www.w3.org/2000/svg";
const ICONS = {
  chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM6.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0zM10.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0zM14.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0z",
  todo: "M9 5h11M9 12h11M9 19h11M3.5 5l1.5 1.5L7.5 4M3.5 12l1.5 1.5 2.5-2.5M3.5 19l1.5 1.5 2.5-2.5",
  apps: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
  news: "M4 10v4h3l6 4V6L7 10H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
  top: "M12 20V8M6 13l6-6 6 6M5 4h14",
  menu: "M4 7h16M4 12h16M4 17h16",
  close: "M6 6l12 12M18 6L6 18",
  external: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
  up: "M7 11v9H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3zM7 11l4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.2a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.5 20H7",
  down: "M17 13V4h3a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-3zM17 13l-4 8a2.5 2.5 0 0 1-2.5-2.5V15H5.3a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.5 4H17"
};

/** An element with an optional class and text (as textContent). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined) { node.textContent = text; }
  return node;
}

/**
 * A hidden sheet over the conversation (結束對話, 滿意度調查): a region labelled by its heading, which can
 * take focus when the sheet opens.
 */
export function sheet(kind, title) {
  const view = el("div", "sheet " + kind);
  view.hidden = true;
  view.setAttribute("role", "region");
  view.setAttribute("aria-labelledby", "ecpa-" + kind + "-title");
  const h = el("h3", null, title);
  h.id = "ecpa-" + kind + "-title";
  h.tabIndex = -1;
  view.appendChild(h);
  return view;
}

/** An SVG icon of ICONS, hidden from screen readers; solid ones are filled, the others stroked. */
export function icon(name, solid) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (solid) { svg.setAttribute("class", "solid"); }
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", ICONS[name]);
  svg.appendChild(path);
  return svg;
}

export function clear(node) {
  while (node.firstChild) { node.removeChild(node.firstChild); }
}

/** A list item holding one element. */
export function li(child) {
  const item = document.createElement("li");
  item.appendChild(child);
  return item;
}
