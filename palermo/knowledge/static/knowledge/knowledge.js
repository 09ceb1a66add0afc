// Knowledge search: filters apply as soon as they change; the button stays for no-JS users.
document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  document.querySelectorAll("[data-kb-autosubmit]").forEach((control) => {
    control.addEventListener("change", () => {
      const form = control.form;
      if (form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
    });
  });
});
