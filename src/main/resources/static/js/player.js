// The episode page's player, for browsers with JavaScript: time links seek the player
// instead of loading the page again, the speed can be set, the chapter and transcript turn
// being played are marked, and the current moment can be shared as a link. Without it,
// every link still works: a time link opens the page with the player set there.
(function () {
  'use strict';

  var player = document.querySelector('[data-player] audio');
  if (!player) {
    return;
  }
  var controls = document.querySelector('[data-player-controls]');
  var speed = document.querySelector('[data-speed]');
  var share = document.querySelector('[data-share]');
  var shareLink = document.querySelector('[data-share-link]');
  var chapters = moments('.chapter-list > li[data-start]');
  var turns = moments('.turns > .turn[data-start]');
  var marked = [];

  if (controls) {
    controls.hidden = false;
  }

  var start = Number(player.getAttribute('data-start'));
  if (start > 0) {
    player.currentTime = start;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-t]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var target = new URL(link.href, window.location.href);
    if (target.pathname !== window.location.pathname) {
      return;
    }
    event.preventDefault();
    player.currentTime = Number(link.getAttribute('data-t'));
    var playing = player.play();
    if (playing && playing.catch) {
      playing.catch(function () {
        // Playing may be refused (no audio yet, autoplay rules): the position stays set.
      });
    }
    window.history.replaceState(null, '', target.pathname + target.search);
    mark();
  });

  if (speed) {
    var saved = window.localStorage ? window.localStorage.getItem('podsite.speed') : null;
    if (saved && speed.querySelector('option[value="' + saved + '"]')) {
      speed.value = saved;
      player.playbackRate = Number(saved);
    }
    speed.addEventListener('change', function () {
      player.playbackRate = Number(speed.value);
      if (window.localStorage) {
        window.localStorage.setItem('podsite.speed', speed.value);
      }
    });
  }

  if (share && shareLink) {
    share.addEventListener('click', function () {
      shareLink.value = share.getAttribute('data-share-base') + '?t=' + Math.floor(player.currentTime);
      shareLink.hidden = false;
      shareLink.focus();
      shareLink.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(shareLink.value).then(function () {
          share.textContent = share.getAttribute('data-copied');
        }, function () {
          // Not allowed here: the link is selected for the listener to copy.
        });
      }
    });
  }

  player.addEventListener('timeupdate', mark);
  player.addEventListener('seeked', mark);

  function moments(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (element) {
      return { element: element, start: Number(element.getAttribute('data-start')) };
    });
  }

  // Marks the chapter and the turn being played, and leaves the others unmarked.
  function mark() {
    var now = player.currentTime;
    var current = [playedAt(chapters, now), playedAt(turns, now)].filter(Boolean);
    marked.forEach(function (element) {
      if (current.indexOf(element) < 0) {
        element.removeAttribute('aria-current');
      }
    });
    current.forEach(function (element) {
      element.setAttribute('aria-current', 'time');
    });
    marked = current;
  }

  // The last of the moments that started at or before the time: moments are in order.
  function playedAt(list, time) {
    var low = 0;
    var high = list.length - 1;
    var found = null;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (list[middle].start <= time) {
        found = list[middle].element;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}());
