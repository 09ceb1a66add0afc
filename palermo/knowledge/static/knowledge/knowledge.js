// Knowledge search: filters apply as soon as they change; the buttons stay for no-JS users.
// After the page reloads, the control that was used gets the focus back, so keyboard users do
// not start again from the top of the page.
(() => {
  const FOCUS_KEY = "kb-search-focus";
  const NARROW = "(max-width: 48rem)";

  const remember = (control) => {
    try {
      sessionStorage.setItem(FOCUS_KEY, JSON.stringify({
        id: control.id || "", name: control.name || "", value: control.value || "",
      }));
    } catch (error) { /* storage refused: the page still works, focus starts at the top */ }
  };

  const submit = (control) => {
    const form = control.form;
    if (!form) { return; }
    remember(control);
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  };

  const restoreFocus = (form) => {
    let wanted = null;
    try {
      wanted = JSON.parse(sessionStorage.getItem(FOCUS_KEY) || "null");
      sessionStorage.removeItem(FOCUS_KEY);
    } catch (error) { return false; }
    if (!wanted) { return false; }
    let control = wanted.id ? document.getElementById(wanted.id) : null;
    if (!control && wanted.name) {
      control = Array.from(form.elements).find(
        (el) => el.name === wanted.name && el.value === wanted.value,
      ) || null;
    }
    if (!control) { return false; }
    const details = control.closest("details");
    if (details) { details.open = true; }
    control.focus();
    return true;
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.documentElement.classList.add("js");
    const form = document.getElementById("kb-search-form");
    if (!form) { return; }

    form.querySelectorAll("input[data-kb-autosubmit]").forEach((control) => {
      control.addEventListener("change", () => submit(control));
    });
    // A list changed with the arrow keys must not reload the page at each step (WCAG 3.2.2):
    // a pointer choice applies at once, a keyboard choice on Enter or when leaving the list.
    form.querySelectorAll("select[data-kb-autosubmit]").forEach((control) => {
      let byPointer = false;
      let changed = false;
      control.addEventListener("pointerdown", () => { byPointer = true; });
      control.addEventListener("keydown", (event) => {
        byPointer = false;
        if (event.key === "Enter" && changed) { event.preventDefault(); submit(control); }
      });
      control.addEventListener("change", () => {
        changed = true;
        if (byPointer) { submit(control); }
      });
      control.addEventListener("blur", () => { if (changed) { submit(control); } });
    });

    // Empty fields stay out of the address, so a shared link reads plainly.
    form.addEventListener("submit", () => {
      Array.from(form.elements).forEach((el) => {
        const empty = (el.type === "number" || el.type === "search") && !el.value.trim();
        const defaultSort = el.name === "sort" && el.value === "relevance";
        if (el.name && (empty || defaultSort)) { el.disabled = true; }
      });
    });
    // Coming back with the Back button shows the page as it was left: enable the fields again.
    window.addEventListener("pageshow", () => {
      Array.from(form.elements).forEach((el) => { el.disabled = false; });
    });

    const restored = restoreFocus(form);
    // On a phone the filters fold away under their heading, so the results come first.
    const filters = form.querySelector("details.kb-filters");
    if (filters && !restored && window.matchMedia && window.matchMedia(NARROW).matches) {
      filters.open = false;
    }
  });
})();
