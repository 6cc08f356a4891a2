// Live character count for a takeover post: the text against the chosen channel's limit.
// The server checks the same limits, so without JavaScript nothing is lost.
(function () {
  "use strict";
  function start() {
  document.querySelectorAll("textarea[data-character-limits]").forEach(function (text) {
    var limits = JSON.parse(text.dataset.characterLimits);
    var channel = document.getElementById(text.dataset.channelField);
    var count = document.createElement("p");
    count.className = "character-count";
    count.id = text.id + "-count";
    count.setAttribute("aria-live", "polite");
    text.insertAdjacentElement("afterend", count);
    text.setAttribute("aria-describedby", ((text.getAttribute("aria-describedby") || "") + " " + count.id).trim());

    function update() {
      var limit = channel ? limits[channel.value] : undefined;
      var length = Array.from(text.value).length;
      if (!limit) {
        count.textContent = length + " characters";
        count.classList.remove("character-count--over");
        return;
      }
      count.textContent = length + " / " + limit + " characters";
      count.classList.toggle("character-count--over", length > limit);
      if (length > limit) {
        count.textContent += " (" + (length - limit) + " too many)";
      }
    }
    text.addEventListener("input", update);
    if (channel) channel.addEventListener("change", update);
    update();
  });
  }
  // Wagtail may load form media in the head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
