/// BoneMet's only script, served as a file (`/static/calc.js`; the policy allows no inline
/// script): on a calculator page, every change posts the form and shows the result in place
/// (`X-BoneMet-Live`, answered with the result alone). Without script, "Calculate" does the same.
enum Scripts {
    static let calculator = """
        "use strict";
        document.querySelectorAll("form.calc").forEach(function (form) {
          var result = document.getElementById("result");
          var timer = null;
          function update() {
            fetch(form.action, {
              method: "POST", body: new URLSearchParams(new FormData(form)),
              headers: {"X-BoneMet-Live": "1"}, credentials: "same-origin"
            }).then(function (response) { return response.ok ? response.text() : null; })
              .then(function (html) { if (html !== null && result) { result.innerHTML = html; } })
              .catch(function () {});
          }
          form.addEventListener("change", update);
          form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 400); });
        });

        """
}
