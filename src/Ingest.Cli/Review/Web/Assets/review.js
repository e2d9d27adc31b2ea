// The reviewer's page: the queue on the left, one target on the right, decisions from the keyboard.
// Everything from the server is put in as text (textContent), or is the target panel the server
// has already HTML-encoded.
"use strict";
(function () {
  const formSecret = document.querySelector('meta[name="ingest-form"]').content;
  const reviewerBox = document.getElementById("reviewer");
  reviewerBox.value = localStorage.getItem("ingest-reviewer") || document.querySelector('meta[name="ingest-reviewer"]').content;
  reviewerBox.addEventListener("change", () => localStorage.setItem("ingest-reviewer", reviewerBox.value.trim()));

  const queueList = document.getElementById("queue");
  const pane = document.getElementById("pane");
  const counts = document.getElementById("counts");
  const status = document.getElementById("status");
  const filters = document.getElementById("filters");
  let items = [];
  let index = 0;
  const undoStack = []; // ids of this page's decisions, latest last

  function say(text) { status.textContent = text; }

  async function post(url, body) {
    const r = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Ingest-Form": formSecret },
      body: JSON.stringify(Object.assign({ reviewer: reviewerBox.value.trim() }, body)),
    });
    let data = {};
    try { data = await r.json(); } catch (e) { data = { errors: { form: "the server answered " + r.status } }; }
    return { ok: r.ok, data };
  }

  function option(select, value, label) {
    const o = document.createElement("option");
    o.value = value; o.textContent = label;
    select.appendChild(o);
  }

  function fillFilter(name, values, label) {
    const select = filters.elements[name];
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const v of values) option(select, v.value, label(v));
    select.value = keep;
  }

  async function loadQueue(keepKey) {
    const q = new URLSearchParams(new FormData(filters));
    const r = await fetch("/api/queue?" + q);
    const data = await r.json();
    items = data.items;
    counts.textContent = data.left + " left to review" + (data.total !== data.left ? " (" + data.total + " listed)" : "");
    fillFilter("document", data.documents.map(d => ({ value: d.sha, path: d.path, left: d.left })), d => d.path + " (" + d.left + ")");
    fillFilter("code", data.codes.map(c => ({ value: c })), c => c.value);
    fillFilter("year", data.years.map(y => ({ value: y })), y => y.value);
    queueList.textContent = "";
    items.forEach((it, i) => {
      const li = document.createElement("li");
      li.dataset.key = it.key;
      const conf = document.createElement("span"); conf.className = "conf"; conf.textContent = it.confidence.toFixed(2);
      const name = document.createElement("span"); name.className = "name"; name.textContent = it.indicator + " — " + it.value;
      const doc = document.createElement("span"); doc.className = "doc"; doc.textContent = it.path + " · " + it.year + (it.review ? " · " + it.review : "");
      li.append(conf, name, doc);
      if (it.review) li.classList.add("done");
      li.addEventListener("click", () => show(i));
      queueList.appendChild(li);
    });
    const at = keepKey ? items.findIndex(it => it.key === keepKey) : -1;
    if (items.length === 0) { index = 0; pane.innerHTML = '<p class="empty">Nothing left to review here.</p>'; return; }
    await show(at >= 0 ? at : Math.min(index, items.length - 1));
  }

  async function show(i) {
    if (items.length === 0) return;
    index = Math.max(0, Math.min(i, items.length - 1));
    const it = items[index];
    [...queueList.children].forEach((li, n) => li.classList.toggle("current", n === index));
    queueList.children[index].scrollIntoView({ block: "nearest" });
    const r = await fetch("/api/target?sha=" + encodeURIComponent(it.sha) + "&key=" + encodeURIComponent(it.key));
    pane.innerHTML = r.ok ? await r.text() : '<p class="empty">This target is no longer in the store.</p>';
    placeBoxes();
    const form = pane.querySelector("form.correct");
    if (form) {
      form.addEventListener("submit", e => { e.preventDefault(); submitCorrection(form); });
      form.querySelector(".cancel").addEventListener("click", () => { form.hidden = true; });
    }
  }

  // the value's box is given in the crop's pixels at the planned resolution; the image is shown at
  // whatever width fits, so the box is scaled by the shown width over the planned one
  function placeBoxes() {
    const crop = pane.querySelector(".crop");
    if (!crop) return;
    const img = crop.querySelector("img");
    const place = () => {
      const k = img.clientWidth / Number(crop.dataset.areaWidth);
      for (const box of crop.querySelectorAll(".value-box, .line-box")) {
        const pad = 3;
        box.style.left = (Number(box.dataset.x) * k - pad) + "px";
        box.style.top = (Number(box.dataset.y) * k - pad) + "px";
        box.style.width = (Number(box.dataset.w) * k + 2 * pad) + "px";
        box.style.height = (Number(box.dataset.h) * k + 2 * pad) + "px";
      }
    };
    if (img.complete) place(); else img.addEventListener("load", place);
  }

  function current() { return items[index]; }

  async function decide(verdict, fields) {
    const it = current();
    if (!it) return null;
    const r = await post("/api/decide", { sha: it.sha, key: it.key, verdict, fields: fields || {} });
    if (!r.ok) return r.data.errors || { form: "refused" };
    undoStack.push({ id: r.data.id, key: it.key });
    say({ accept: "accepted", correct: "corrected", reject: "rejected" }[verdict] + ": " + it.indicator);
    // a decided target leaves the queue, and the next one takes its place; in a whole document's
    // list it stays (marked decided), so move on past it
    const all = filters.elements["all"].checked;
    await loadQueue(null);
    if (all) await show(index + 1);
    return null;
  }

  function showErrors(form, errors) {
    for (const span of form.querySelectorAll(".err")) span.textContent = errors[span.dataset.for] || "";
  }

  async function submitCorrection(form) {
    const fields = {};
    for (const el of form.elements) if (el.name) fields[el.name] = el.value;
    const errors = await decide("correct", fields);
    if (errors) { showErrors(form, errors); say("not saved: see the fields"); }
  }

  async function undo() {
    const last = undoStack.pop();
    if (!last) { say("nothing to undo"); return; }
    const r = await post("/api/undo", { id: last.id });
    say(r.ok ? "undone" : (r.data.errors && r.data.errors.form) || "could not undo");
    await loadQueue(last.key);
  }

  function openCorrection() {
    const form = pane.querySelector("form.correct");
    if (!form) return;
    form.hidden = false;
    form.elements["value"].focus();
    form.elements["value"].select();
  }

  const actions = {
    accept: () => decide("accept"),
    reject: () => decide("reject"),
    correct: openCorrection,
    undo: undo,
  };

  document.addEventListener("keydown", e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = e.target.closest && e.target.closest("input, select, textarea");
    if (typing) {
      if (e.key === "Escape") { const f = e.target.closest("form.correct"); if (f) { f.hidden = true; e.target.blur(); } }
      return;
    }
    const key = { j: () => show(index + 1), k: () => show(index - 1), a: actions.accept, c: actions.correct, r: actions.reject, u: actions.undo }[e.key];
    if (key) { e.preventDefault(); key(); }
  });
  document.getElementById("buttons").addEventListener("click", e => {
    const act = e.target.dataset && e.target.dataset.act;
    if (act) actions[act]();
  });
  filters.addEventListener("change", () => { index = 0; loadQueue(null); });
  loadQueue(null);
})();
