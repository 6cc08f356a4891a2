// Drag and drop on the tour schedule, as a shortcut to the forms in each row. A drop
// only fills in one of those forms and sends it, so the server checks the rules and
// words any conflict exactly as when staff use the form with the keyboard.
//
// A city's week dropped on an open week moves there; on another city's week the two
// swap; on a break it is sent as a move, which the server refuses, saying why. A city
// from the list of those without a week, dropped on an open week, fills in that week's
// assignment; the browser then asks for the focus topic if it is still empty.
(function () {
  "use strict";
  const table = document.querySelector("[data-tour-schedule]");
  if (!table) return;
  const rows = table.querySelectorAll("tr[data-week]");
  // What is being dragged: {row} for a scheduled city, {city} for one without a week.
  let dragged = null;

  function startDrag(element, what, event) {
    dragged = what;
    event.dataTransfer.effectAllowed = "move";
    // Some browsers start no drag without data.
    event.dataTransfer.setData("text/plain", element.textContent.trim());
    element.classList.add("tour-schedule__dragging");
  }

  function endDrag(element) {
    element.classList.remove("tour-schedule__dragging");
    dragged = null;
  }

  function accepts(row) {
    if (!dragged) return false;
    if (dragged.row) return dragged.row !== row;
    return Boolean(row.querySelector("form[data-assign-form]"));
  }

  function moveOrSwap(source, target) {
    const form = source.querySelector("form[data-move-form]");
    const select = form.elements.other_week;
    const week = target.dataset.week;
    // "Move to" offers no break; a drop on one still goes to the server, which explains
    // why the city cannot go there.
    if (!Array.from(select.options).some((option) => option.value === week)) {
      select.add(new Option(target.querySelector("th").textContent.trim(), week));
    }
    select.value = week;
    const operation = target.querySelector("form[data-move-form]") ? "swap" : "move";
    form.requestSubmit(form.querySelector('button[name="operation"][value="' + operation + '"]'));
  }

  function assign(city, target) {
    const form = target.querySelector("form[data-assign-form]");
    form.elements.city.value = city;
    form.requestSubmit();
  }

  rows.forEach(function (row) {
    if (row.querySelector("form[data-move-form]")) {
      row.draggable = true;
      row.addEventListener("dragstart", function (event) {
        startDrag(row, { row: row }, event);
      });
      row.addEventListener("dragend", function () {
        endDrag(row);
      });
    }
    row.addEventListener("dragover", function (event) {
      if (!accepts(row)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      row.classList.add("tour-schedule__drop");
    });
    row.addEventListener("dragleave", function (event) {
      if (!row.contains(event.relatedTarget)) row.classList.remove("tour-schedule__drop");
    });
    row.addEventListener("drop", function (event) {
      row.classList.remove("tour-schedule__drop");
      if (!accepts(row)) return;
      event.preventDefault();
      if (dragged.row) {
        moveOrSwap(dragged.row, row);
      } else {
        assign(dragged.city, row);
      }
    });
  });

  document.querySelectorAll("[data-unassigned-cities] [data-city]").forEach(function (item) {
    item.draggable = true;
    item.addEventListener("dragstart", function (event) {
      startDrag(item, { city: item.dataset.city }, event);
    });
    item.addEventListener("dragend", function () {
      endDrag(item);
    });
  });

  document.querySelectorAll("[data-drag-help]").forEach(function (help) {
    help.hidden = false;
  });
})();
