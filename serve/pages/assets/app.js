// Dossier's one script: switches to show or hide each layer of an article.
// Everything reads without it; it only reveals the switches and keeps the
// choice while reading.
(function () {
  var box = document.querySelector("fieldset.layers");
  if (!box) return;
  box.hidden = false;
  box.addEventListener("change", function (e) {
    var layer = e.target.getAttribute("data-layer");
    if (layer) document.body.classList.toggle("no-" + layer, !e.target.checked);
  });
})();
