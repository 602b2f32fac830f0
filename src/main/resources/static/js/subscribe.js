// The subscribe section's copy button, for browsers with JavaScript: it copies the feed's
// address and says so, in the page's language: its words are the status's data-copied and
// data-selected. Without it, the address is still shown, selectable, in its field.
(function () {
  'use strict';

  var field = document.querySelector('[data-feed-address]');
  var button = document.querySelector('[data-copy-feed]');
  var status = document.querySelector('[data-copy-status]');
  if (!field || !button || !status) {
    return;
  }
  button.hidden = false;

  function selected() {
    field.focus();
    field.select();
    status.textContent = status.dataset.selected;
  }

  button.addEventListener('click', function () {
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      selected();
      return;
    }
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = status.dataset.copied;
    }, selected);
  });
}());
