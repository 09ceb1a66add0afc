// Guided lookup: offer only the measures of the chosen type of request. The form works
// without this file (the server checks the pair and explains a mismatch).
document.addEventListener("DOMContentLoaded", () => {
  const type = document.getElementById("id_request_type");
  const measure = document.getElementById("id_measure");
  if (!type || !measure || !measure.dataset.types) return;
  const typesOf = JSON.parse(measure.dataset.types);
  const update = () => {
    Array.from(measure.options).forEach((option) => {
      const fits = option.value === "" || typesOf[option.value] === type.value;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) measure.value = "";
    });
  };
  type.addEventListener("change", update);
  update();
});
