// Demo instances: a button per demo account fills in the sign-in form and submits it.
// The buttons stay hidden without JavaScript; the table still lists each address and the password.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.form");
  const login = document.querySelector("input[name=login]");
  const password = document.querySelector("input[name=password]");
  if (!form || !login || !password) return;
  document.querySelectorAll("button[data-demo-email]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      login.value = button.dataset.demoEmail;
      password.value = button.dataset.demoPassword;
      form.requestSubmit();
    });
  });
});
