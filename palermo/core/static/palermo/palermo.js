// Small progressive enhancements; every page works without this file.
// The language menu has a visible button rather than submitting on change, so keyboard users
// can move through the options without leaving the page (WCAG 3.2.2, on input).
document.documentElement.classList.add("js");
