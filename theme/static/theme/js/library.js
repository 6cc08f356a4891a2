/*
 * The practice library without a click on "Apply filters": a ticked box submits the form
 * at once, and focus returns to that control once the new page has loaded. The sort
 * order waits for its "Sort" button, since arrow keys on a select change its value and
 * a reload on each would move the keyboard user away (WCAG 3.2.2). The form is a plain
 * GET form and works without this script.
 *
 * On a narrow screen the filters start folded away, so that the results come first,
 * unless the visitor has just used them.
 */
(function () {
    "use strict";

    var form = document.getElementById("library-form");
    if (!form) {
        return;
    }
    var FOCUS_KEY = "library-focus";
    var facets = form.querySelector("[data-library-facets]");

    function remember(id) {
        try {
            sessionStorage.setItem(FOCUS_KEY, id);
        } catch (error) {
            // Storage may be switched off; focus then simply starts at the top.
        }
    }

    function recall() {
        try {
            var id = sessionStorage.getItem(FOCUS_KEY);
            sessionStorage.removeItem(FOCUS_KEY);
            return id;
        } catch (error) {
            return null;
        }
    }

    document.querySelectorAll("[data-library-hint]").forEach(function (hint) {
        hint.hidden = false;
    });
    document.querySelectorAll("[data-library-manual]").forEach(function (button) {
        button.hidden = true;
    });

    document.addEventListener("change", function (event) {
        var field = event.target;
        if (field.form !== form || field.type !== "checkbox") {
            return;
        }
        remember(field.id);
        form.requestSubmit();
    });

    var id = recall();
    var control = id && document.getElementById(id);
    if (control) {
        var more = control.closest("details");
        if (more) {
            more.open = true;
        }
        if (facets && facets.contains(control)) {
            facets.open = true;
        }
        control.focus();
    } else if (facets && window.matchMedia("(max-width: 61.99em)").matches) {
        facets.open = false;
    }
})();
