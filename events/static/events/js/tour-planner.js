// Drag a city's row onto another week of the schedule: the row's own "Move to" form is
// filled in and sent, so the server checks the rules exactly as for the keyboard path.
// Onto an open week the city moves; onto another city's week the two swap.
(function () {
  "use strict";
  const table = document.querySelector(".tour-schedule");
  if (!table) return;
  let dragged = null;

  table.querySelectorAll("tr[data-week]").forEach(function (row) {
    const form = row.querySelector("form[data-move-form]");
    if (form) {
      row.draggable = true;
      row.addEventListener("dragstart", function (event) {
        dragged = row;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", row.dataset.week);
        row.classList.add("tour-schedule__dragging");
      });
      row.addEventListener("dragend", function () {
        row.classList.remove("tour-schedule__dragging");
        dragged = null;
      });
    }
    if (row.classList.contains("tour-schedule__break")) return;
    row.addEventListener("dragover", function (event) {
      if (dragged && dragged !== row) {
        event.preventDefault();
        row.classList.add("tour-schedule__drop");
      }
    });
    row.addEventListener("dragleave", function () {
      row.classList.remove("tour-schedule__drop");
    });
    row.addEventListener("drop", function (event) {
      event.preventDefault();
      row.classList.remove("tour-schedule__drop");
      if (!dragged || dragged === row) return;
      const moveForm = dragged.querySelector("form[data-move-form]");
      moveForm.querySelector("select[name=other_week]").value = row.dataset.week;
      const operation = row.querySelector("form[data-move-form]") ? "swap" : "move";
      moveForm.querySelector("button[value=" + operation + "]").click();
    });
  });
})();
