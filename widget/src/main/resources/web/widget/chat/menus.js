/**
 * A message's options (the menus' topics and the quick replies) as buttons. Choosing one asks with its id and
 * shows its label as the user's side of the turn.
 */
import { ask } from "./conversation.js";
import { el } from "./dom.js";
import { str } from "./util.js";

/** Topics in one group (請選擇), navigation (回上一層, 回主選單: ids "nav.…") in another (導覽). */
export function appendOptions(bubble, options) {
  const topics = group("options", "請選擇");
  const navs = group("navs", "導覽");
  options.forEach(function (option) {
    const id = str(option.id);
    const nav = id.indexOf("nav.") === 0;
    (nav ? navs : topics).appendChild(optionButton(id, str(option.label), nav));
  });
  if (topics.firstChild) { bubble.appendChild(topics); }
  if (navs.firstChild) { bubble.appendChild(navs); }
}

function group(className, name) {
  const box = el("div", className);
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", name);
  return box;
}

function optionButton(id, label, nav) {
  const b = el("button", "option" + (nav ? " nav" : ""), label);
  b.type = "button";
  b.setAttribute("data-option", id);
  b.addEventListener("click", function () { ask({ optionId: id }, label); });
  return b;
}
